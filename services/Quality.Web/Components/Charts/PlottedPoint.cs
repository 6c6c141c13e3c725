namespace Quality.Web.Components.Charts;

/// <summary>A point's place in the chart's coordinates (y grows downwards, as in SVG).</summary>
public sealed record PlottedPoint(double X, double Y, ChartPoint Point);
