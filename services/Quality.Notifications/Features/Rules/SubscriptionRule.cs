using System.Text.Json;
using Quality.Notifications.Features.Escalation;

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

    /// <summary><c>webhook</c>, <c>email</c> or <c>in_app</c>.</summary>
    public required string Channel { get; init; }

    public string? WebhookUrl { get; init; }

    /// <summary>The HMAC key; shown once at creation, kept to sign every delivery.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>The addresses an email rule writes to, one delivery each; empty for other channels.</summary>
    public List<string> EmailTo { get; init; } = [];

    /// <summary>The title (email subject) templates.</summary>
    public required string TemplateZh { get; init; }
    public required string TemplateEn { get; init; }

    /// <summary>The email body templates; null for other channels.</summary>
    public string? BodyZh { get; init; }
    public string? BodyEn { get; init; }

    /// <summary><c>zh</c> or <c>en</c>: which templates an email rule writes in; null for other channels.</summary>
    public string? Language { get; init; }
    /// <summary>A second alert with the same dedup key within this many seconds is recorded as suppressed, not sent; null: no deduplication.</summary>
    public int? DedupWindowSeconds { get; init; }

    /// <summary>Who hears about an alert nobody acknowledged, and when: level 1 first. Empty: the rule does not escalate.</summary>
    public List<EscalationLevel> Escalation { get; init; } = [];

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The language an email rule writes in (Chinese unless it says otherwise).</summary>
    public string EmailLanguage => Language ?? EmailLanguages.Zh;

    /// <summary>An email rule's body in its language, rendered for the event; null for other channels.</summary>
    public string? RenderEmailBody(string eventType, JsonElement data) => Channel == RuleChannels.Email
        ? TemplateRenderer.Render((EmailLanguage == EmailLanguages.Zh ? BodyZh : BodyEn) ?? "", eventType, data)
        : null;
}
