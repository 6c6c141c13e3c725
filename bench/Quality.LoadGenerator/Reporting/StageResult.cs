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

    /// <summary>SLA deadline → SlaBreached webhook received, per breach complaint of the stage.</summary>
    public required LatencySummary BreachToWebhookMs { get; init; }

    /// <summary>Breach complaints of the stage whose webhook had not come by the end of the drain.</summary>
    public required int BreachesNotAlerted { get; init; }
    public required IReadOnlyList<ProcessUsage> Processes { get; init; }
    public required string LoadAverageAfter { get; init; }
}
