using Quality.Notifications.Features.Escalation;

namespace Quality.Notifications.Features.Rules;

public sealed record ValidatedRule(
    string Name,
    List<string> EventTypes,
    int MinSeverity,
    string ScopeKind,
    string ScopeValue,
    string Channel,
    string? WebhookUrl,
    string TemplateZh,
    string TemplateEn,
    List<string> EmailTo,
    string? BodyZh,
    string? BodyEn,
    string? Language,
    int? DedupWindowSeconds,
    List<EscalationLevel> Escalation);
