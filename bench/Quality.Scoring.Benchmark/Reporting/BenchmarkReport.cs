using Quality.Scoring.Benchmark.Feed;
using Quality.Scoring.Benchmark.Folding;
using Quality.Scoring.Benchmark.Queries;
using Quality.Scoring.Benchmark.Transport;

namespace Quality.Scoring.Benchmark.Reporting;

/// <summary>Everything a run measured, as written to the .json result file.</summary>
public sealed record BenchmarkReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required string CommandLine { get; init; }
    public required MachineInfo Machine { get; init; }
    public string? Preliminary { get; init; }
    public required string RunId { get; init; }
    public required IReadOnlyList<FoldResult> Folding { get; init; }
    public TransportResult? Transport { get; init; }
    public QueryResult? Queries { get; init; }
    public FeedResult? Feed { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}
