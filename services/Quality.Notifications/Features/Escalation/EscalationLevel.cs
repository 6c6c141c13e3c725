namespace Quality.Notifications.Features.Escalation;

/// <summary>
/// One step of a rule's escalation ladder: when the previous level's alert is still unacknowledged
/// <see cref="AfterSeconds"/> after it was raised, a new alert goes to this level's recipients on its channel.
/// Stored inside the rule (jsonb); level 1 is the first step above the rule's own recipients.
/// </summary>
public sealed class EscalationLevel
{
    public int AfterSeconds { get; init; }

    /// <summary><c>team</c>, <c>role</c> or <c>person</c>, as for a rule.</summary>
    public required string ScopeKind { get; init; }

    public required string ScopeValue { get; init; }

    /// <summary><c>in_app</c>, <c>email</c> or <c>webhook</c>.</summary>
    public required string Channel { get; init; }

    public List<string> EmailTo { get; init; } = [];

    public string? WebhookUrl { get; init; }
}
