using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Escalation;

/// <summary>
/// Where a case stands on the escalation ladder: one durable row per case, changed only with the case's row
/// locked. The sweeper climbs rows whose <see cref="NextLevelAt"/> has come, each climb once across replicas.
/// </summary>
public sealed class CaseEscalation
{
    public Guid CaseId { get; init; }
    public EscalationState State { get; set; }

    /// <summary>The level reached, 1 being the first configured one; 0 while the first level's delay runs.</summary>
    public int Level { get; set; }

    /// <summary>The role that must acknowledge at <see cref="Level"/>; null before the first level.</summary>
    public string? Role { get; set; }

    /// <summary>What started the current round.</summary>
    public EscalationTrigger Trigger { get; set; }

    /// <summary>How many times the ladder has been started on this case.</summary>
    public int Round { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>When the case climbs next if nobody acknowledges; null at the top, once acknowledged, or stopped.</summary>
    public DateTimeOffset? NextLevelAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
