namespace Quality.Notifications.Features.Alerts;

/// <summary>Something a person should look at, addressed to a role (and team) and kept until acknowledged.</summary>
public sealed class Alert
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public Guid? CaseId { get; init; }
    public required string RecipientRole { get; init; }

    /// <summary>Set when a rule addresses one person (by subject); only that person may acknowledge.</summary>
    public string? RecipientId { get; init; }
    public string? TeamId { get; init; }
    public int Severity { get; init; }
    public required string Title { get; init; }
    public string? TitleZh { get; init; }

    /// <summary><c>in_app</c> (the feed), <c>webhook</c> or <c>email</c> (recorded here, sent through deliveries).</summary>
    public string Channel { get; init; } = "in_app";

    /// <summary>The rule that raised it; <see cref="Guid.Empty"/> for the built-in new-case alert.</summary>
    public Guid RuleId { get; init; }

    /// <summary>The event that raised it; unique per kind, rule and escalation level, so one event never raises two alerts for one rule's level.</summary>
    public Guid SourceEventId { get; init; }

    public Guid CorrelationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>What makes two alerts of one rule "the same" (e.g. the case and SLA target); set when the rule deduplicates.</summary>
    public string? DedupKey { get; init; }

    /// <summary>Set when this alert repeated <see cref="DuplicateOf"/> inside the rule's window: recorded, never sent.</summary>
    public Guid? DuplicateOf { get; init; }

    /// <summary>0 for a rule's own alert; n for the alert its n-th escalation level raised.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>The alert this one escalated (the chain's previous level).</summary>
    public Guid? EscalatedFromId { get; init; }

    /// <summary>
    /// The first alert of an escalation chain (its own id for the first one); null when its rule does not
    /// escalate. Acknowledging any alert of the chain acknowledges them all and stops the escalation.
    /// </summary>
    public Guid? ChainId { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}
