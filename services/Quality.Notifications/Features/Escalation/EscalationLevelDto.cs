using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Escalation;

/// <summary>A level as the rules API takes and shows it.</summary>
public sealed record EscalationLevelDto(int? AfterSeconds, RuleScopeDto? Scope, string? Channel, List<string>? EmailTo = null, string? WebhookUrl = null)
{
    public static EscalationLevelDto From(EscalationLevel level) =>
        new(level.AfterSeconds, new RuleScopeDto(level.ScopeKind, level.ScopeValue), level.Channel, level.EmailTo, level.WebhookUrl);
}
