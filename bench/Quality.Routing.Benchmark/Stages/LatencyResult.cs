namespace Quality.Routing.Benchmark.Stages;

/// <summary>
/// Complaints at a fixed rate: latency from each one's scheduled publish time to its <c>CaseAssigned</c> arriving
/// here (open loop: a stall in Routing or in this process is counted, not hidden).
/// </summary>
public sealed record LatencyResult
{
    public required double Rate { get; init; }
    public required double Seconds { get; init; }
    public required long Published { get; init; }
    public required long FailedPublishes { get; init; }
    public required double AchievedRate { get; init; }
    public required double MaxSendLagMs { get; init; }
    public required long Assigned { get; init; }
    public required long NotAssigned { get; init; }
    public required LatencySummary PublishToAssignedMs { get; init; }
    public required string LoadAverageAfter { get; init; }
}
