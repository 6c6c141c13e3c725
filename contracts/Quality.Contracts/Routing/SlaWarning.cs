namespace Quality.Contracts.Routing;

public sealed record SlaWarning : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required SlaTarget Target { get; init; }
    public required int Priority { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>How much of the target had elapsed when the warning fired, 0…1.</summary>
    public required double ElapsedFraction { get; init; }
}
