namespace Quality.Web.Components.Charts;

/// <summary>A labelled value to plot; no value leaves a gap in the line.</summary>
public sealed record ChartPoint(string Label, double? Value);
