using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Reporting;

/// <summary>One stage's figures as written to JSON and Markdown.</summary>
public sealed record StageResult
{
    public required string Name { get; init; }
    public double? OfferedItemsPerSecond { get; init; }
    public required double MeasuredSeconds { get; init; }
    public required long Requests { get; init; }
    public required long FailedRequests { get; init; }
    public required IReadOnlyDictionary<string, int> Failures { get; init; }
    public required long ItemsSent { get; init; }
    public required long ItemsStored { get; init; }
    public required long ItemsRejected { get; init; }
    public required double StoredItemsPerSecond { get; init; }
    public required double MaxSendLagMs { get; init; }
    public required long Complaints { get; init; }
    public required long ComplaintsNotAssigned { get; init; }
    public required LatencySummary IntakeToStoredMs { get; init; }
    public required IReadOnlyDictionary<string, LatencySummary> IntakeToStoredByChannelMs { get; init; }
    public required LatencySummary IntakeToAssignedMs { get; init; }
    public required LatencySummary StoredToKpiVisibleMs { get; init; }
    public required long ItemsNotVisibleInKpis { get; init; }
    public required IReadOnlyList<ProcessUsage> Processes { get; init; }
    public required string LoadAverageAfter { get; init; }
}
