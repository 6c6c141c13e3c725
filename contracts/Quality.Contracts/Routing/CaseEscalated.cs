namespace Quality.Contracts.Routing;

public sealed record CaseEscalated : IntegrationEvent
{
    public required Guid CaseId { get; init; }

    /// <summary>The ladder level reached, 1 being the first step above the agent.</summary>
    public required int Level { get; init; }

    /// <summary>The role that must act at this level, e.g. supervisor.</summary>
    public required string Role { get; init; }

    public required EscalationTrigger Trigger { get; init; }
    public required int Priority { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
}
