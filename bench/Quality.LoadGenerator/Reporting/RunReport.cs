using Quality.LoadGenerator.Baseline;

namespace Quality.LoadGenerator.Reporting;

/// <summary>Everything one run produced: written as JSON and as a Markdown table under docs/benchmarks/.</summary>
public sealed record RunReport
{
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Command { get; init; }
    public required MachineInfo Machine { get; init; }
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public required IReadOnlyList<BaselineResult> Baselines { get; init; }
    public required IReadOnlyList<StageResult> Stages { get; init; }
    public required IReadOnlyDictionary<string, long> Agents { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}
