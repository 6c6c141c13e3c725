namespace Quality.Web.Benchmark.Reporting;

/// <summary>
/// A process (or the browser's processes together) before the pages opened and while they were held: resident memory
/// (RSS of the web process; PSS summed over the browser's processes, in the same fields),
/// CPU in cores (CPU seconds over wall seconds of the hold) and, for the web process, established connections to its port.
/// </summary>
public sealed record ProcessFigures
{
    public required double RssBeforeMb { get; init; }
    public required double RssPeakMb { get; init; }

    /// <summary>(peak − before) / live pages.</summary>
    public required double RssPerPageKb { get; init; }
    public required double CpuCoresWhileHeld { get; init; }
    public required double CpuSecondsOpening { get; init; }
    public int? ConnectionsBefore { get; init; }
    public int? ConnectionsPeak { get; init; }
}
