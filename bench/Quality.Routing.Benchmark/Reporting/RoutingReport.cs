using Quality.Routing.Benchmark.Stages;

namespace Quality.Routing.Benchmark.Reporting;

/// <summary>Everything one run produced: written as JSON and as a Markdown table under docs/benchmarks/.</summary>
public sealed record RoutingReport
{
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Command { get; init; }
    public required MachineInfo Machine { get; init; }
    public ThroughputResult? Throughput { get; init; }
    public LatencyResult? Latency { get; init; }
    public SlaSweepResult? SlaSweep { get; init; }
    public SteadySweepResult? SteadySweep { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}
