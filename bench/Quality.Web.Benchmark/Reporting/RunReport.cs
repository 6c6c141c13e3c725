namespace Quality.Web.Benchmark.Reporting;

/// <summary>Everything one run measured, written as JSON and Markdown.</summary>
public sealed record RunReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required string Command { get; init; }
    public required MachineInfo Machine { get; init; }
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public ColdLoadResult? ColdLoads { get; init; }
    public HoldResult? Hold { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}
