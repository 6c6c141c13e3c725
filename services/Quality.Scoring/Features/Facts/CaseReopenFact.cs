namespace Quality.Scoring.Features.Facts;

/// <summary>A resolved case reopened. The event has no own timestamp, so its <c>OccurredAt</c> is used.</summary>
public sealed class CaseReopenFact
{
    public Guid EventId { get; init; }
    public Guid CaseId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public DateTimeOffset ReopenedAt { get; init; }
}
