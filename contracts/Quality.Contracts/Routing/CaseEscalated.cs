namespace Quality.Contracts.Routing;

public sealed record CaseEscalated : IntegrationEvent
{
    public required Guid CaseId { get; init; }

    /// <summary>
    /// The ladder level reached, 1 being the first configured level (Routing:Escalation:Levels; by default
    /// the case's agent, then supervisor, then quality manager). Levels only rise within a round.
    /// </summary>
    public required int Level { get; init; }

    /// <summary>The role that must act at this level, e.g. supervisor.</summary>
    public required string Role { get; init; }

    /// <summary>Why the case reached this level: the round's trigger at level 1, <see cref="EscalationTrigger.NotAcknowledged"/> above it.</summary>
    public required EscalationTrigger Trigger { get; init; }

    public required int Priority { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }

    /// <summary>What started this round of the ladder (the same as <see cref="Trigger"/> at level 1); null from older senders.</summary>
    public EscalationTrigger? StartedBy { get; init; }

    /// <summary>When the case climbs to the next level unless someone acknowledges; null at the top of the ladder.</summary>
    public DateTimeOffset? NextLevelAt { get; init; }
}
