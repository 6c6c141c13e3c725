using Quality.Notifications.Features.Escalation;

namespace Quality.Notifications.Features.Rules;

/// <summary>A rule as the API shows it; <see cref="WebhookSecret"/> is only filled in the creation answer.</summary>
public sealed record RuleResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> EventTypes,
    int MinSeverity,
    RuleScopeDto Scope,
    string Channel,
    string? WebhookUrl,
    RuleTemplatesDto Templates,
    IReadOnlyList<string> EmailTo,
    RuleTemplatesDto? BodyTemplates,
    string? Language,
    int? DedupWindowSeconds,
    IReadOnlyList<EscalationLevelDto> Escalation,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? WebhookSecret = null)
{
    public static RuleResponse From(SubscriptionRule rule, bool withSecret = false) => new(
        rule.Id, rule.Name, rule.EventTypes, rule.MinSeverity, new RuleScopeDto(rule.ScopeKind, rule.ScopeValue),
        rule.Channel, rule.WebhookUrl, new RuleTemplatesDto(rule.TemplateZh, rule.TemplateEn),
        rule.EmailTo, rule.BodyZh is null && rule.BodyEn is null ? null : new RuleTemplatesDto(rule.BodyZh, rule.BodyEn), rule.Language, rule.DedupWindowSeconds,
        [.. rule.Escalation.Select(EscalationLevelDto.From)], rule.CreatedBy, rule.CreatedAt,
        withSecret ? rule.WebhookSecret : null);
}
