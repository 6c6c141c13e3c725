namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// Complaints published as fast as possible: how many cases were opened and assigned per second, from the first
/// publish to the last <c>CaseAssigned</c>, and the latency each saw while the system was saturated.
/// </summary>
public sealed record ThroughputResult
{
    public required long Complaints { get; init; }
    public required long Published { get; init; }
    public required long FailedPublishes { get; init; }
    public required double PublishSeconds { get; init; }
    public required long Assigned { get; init; }
    public required double Seconds { get; init; }
    public required double AssignedPerSecond { get; init; }
    public required LatencySummary PublishToAssignedMs { get; init; }
    public required int Agents { get; init; }
    public required int AgentCapacity { get; init; }
    public required string LoadAverageAfter { get; init; }
}
