namespace Quality.Notifications.Features.Rules;

public sealed record CreateRuleRequest(
    string? Name,
    List<string>? EventTypes,
    int? MinSeverity,
    RuleScopeDto? Scope,
    string? Channel,
    string? WebhookUrl,
    RuleTemplatesDto? Templates);
