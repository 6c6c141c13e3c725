namespace Quality.Web.Components.Charts;

public sealed record AxisTick(double Y, double Value);
