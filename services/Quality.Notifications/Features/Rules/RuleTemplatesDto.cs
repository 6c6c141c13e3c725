namespace Quality.Notifications.Features.Rules;

public sealed record RuleTemplatesDto(string? Zh, string? En);
