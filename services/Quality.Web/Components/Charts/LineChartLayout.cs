using System.Globalization;
using System.Text;

namespace Quality.Web.Components.Charts;

/// <summary>
/// Where a line chart's points, line and value axis go in an SVG of a given size: the arithmetic of
/// <see cref="LineChart"/>, kept apart so it can be checked without rendering.
/// </summary>
public sealed class LineChartLayout
{
    public const double Left = 56;
    public const double Right = 16;
    public const double Top = 16;
    public const double Bottom = 32;

    private LineChartLayout(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public double PlotLeft => Left;

    public double PlotRight => Width - Right;

    public double PlotTop => Top;

    public double PlotBottom => Height - Bottom;

    /// <summary>Every point; those without a value are not drawn but keep their slot on the x axis.</summary>
    public IReadOnlyList<PlottedPoint> Points { get; private set; } = [];

    public IReadOnlyList<AxisTick> Ticks { get; private set; } = [];

    /// <summary>SVG path data: one run of line per stretch of points with values.</summary>
    public string Path { get; private set; } = "";

    public static LineChartLayout Compute(IReadOnlyList<ChartPoint> points, double width, double height)
    {
        var layout = new LineChartLayout(width, height);
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var (low, high, step) = Scale(values.Count == 0 ? 0 : values.Min(), values.Count == 0 ? 1 : values.Max());

        double YOf(double v) => layout.PlotBottom - (v - low) / (high - low) * (layout.PlotBottom - layout.PlotTop);
        var slot = points.Count > 1 ? (layout.PlotRight - layout.PlotLeft) / (points.Count - 1) : 0;
        double XOf(int i) => points.Count > 1 ? layout.PlotLeft + i * slot : (layout.PlotLeft + layout.PlotRight) / 2;

        layout.Points = [.. points.Select((p, i) => new PlottedPoint(XOf(i), p.Value is { } v ? YOf(v) : double.NaN, p))];
        layout.Ticks = [.. Enumerable.Range(0, (int)Math.Round((high - low) / step) + 1).Select(i => low + i * step).Select(v => new AxisTick(YOf(v), v))];

        var path = new StringBuilder();
        var drawing = false;
        foreach (var point in layout.Points)
        {
            if (point.Point.Value is null)
            {
                drawing = false;
                continue;
            }

            path.Append(drawing ? " L" : (path.Length > 0 ? " M" : "M"))
                .Append(Coordinate(point.X)).Append(' ').Append(Coordinate(point.Y));
            drawing = true;
        }

        layout.Path = path.ToString();
        return layout;
    }

    /// <summary>
    /// A value axis with round steps (1, 2 or 5 times a power of ten, about 5 of them) that takes in every value,
    /// starting at zero when all values are positive so a small change does not look like a big one.
    /// </summary>
    public static (double Low, double High, double Step) Scale(double min, double max)
    {
        if (min > 0)
        {
            min = 0;
        }

        if (max <= min)
        {
            max = min + 1;
        }

        var rough = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
