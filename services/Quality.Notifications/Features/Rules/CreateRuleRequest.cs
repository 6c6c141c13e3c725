using Quality.Notifications.Features.Escalation;

namespace Quality.Notifications.Features.Rules;

/// <summary>
/// A new rule. <see cref="Templates"/> word the alert's title (the email's subject); email rules also need
/// <see cref="EmailTo"/> and <see cref="BodyTemplates"/>, and write in <see cref="Language"/> (zh by default).
/// With <see cref="DedupWindowSeconds"/>, a repeat of an alert (same event type and subject, e.g. one case's
/// one SLA target) inside the window is recorded as suppressed and not sent.
/// </summary>
public sealed record CreateRuleRequest(
    string? Name,
    List<string>? EventTypes,
    int? MinSeverity,
    RuleScopeDto? Scope,
    string? Channel,
    string? WebhookUrl,
    RuleTemplatesDto? Templates,
    List<string>? EmailTo = null,
    RuleTemplatesDto? BodyTemplates = null,
    string? Language = null,
    int? DedupWindowSeconds = null,
    List<EscalationLevelDto>? Escalation = null);
