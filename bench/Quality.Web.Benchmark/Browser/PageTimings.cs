namespace Quality.Web.Benchmark.Browser;

/// <summary>A page's timings in ms from navigation start, as the browser's Performance API reports them (Playwright fills it by name).</summary>
public sealed class PageTimings
{
    public double? TimeToFirstByte { get; init; }
    public double? DomContentLoaded { get; init; }
    public double? FirstPaint { get; init; }
    public double? FirstContentfulPaint { get; init; }
    public double? LiveData { get; init; }
}
