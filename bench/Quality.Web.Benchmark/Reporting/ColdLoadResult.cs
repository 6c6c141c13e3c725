namespace Quality.Web.Benchmark.Reporting;

/// <summary>The overview's cold loads: the browser's own timings from navigation start, in ms.</summary>
public sealed record ColdLoadResult
{
    public required int Loads { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }
    public required LatencySummary TimeToFirstByteMs { get; init; }
    public required LatencySummary FirstPaintMs { get; init; }
    public required LatencySummary FirstContentfulPaintMs { get; init; }
    public required LatencySummary DomContentLoadedMs { get; init; }

    /// <summary>Until the feed says Live and the snapshot's time shows: Scoring's first snapshot through the circuit.</summary>
    public required LatencySummary LiveDataMs { get; init; }
}
