namespace Quality.Notifications.Features.Rules;

/// <summary>
/// Who gets which events, from which severity up, on which channel, worded by which template. Deleting a
/// rule only marks it, so deliveries already queued under it can still be signed with its secret.
/// </summary>
public sealed class SubscriptionRule
{
    public Guid Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Canonical event names, e.g. <c>SlaBreached</c>.</summary>
    public required List<string> EventTypes { get; init; }

    public int MinSeverity { get; init; }

    /// <summary><c>team</c>, <c>role</c> or <c>person</c>.</summary>
    public required string ScopeKind { get; init; }

    public required string ScopeValue { get; init; }

    /// <summary><c>webhook</c> or <c>in_app</c>.</summary>
    public required string Channel { get; init; }

    public string? WebhookUrl { get; init; }

    /// <summary>The HMAC key; shown once at creation, kept to sign every delivery.</summary>
    public string? WebhookSecret { get; init; }

    public required string TemplateZh { get; init; }
    public required string TemplateEn { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; set; }
}
