namespace Quality.Notifications.Features.Rules;

public sealed record RuleScopeDto(string? Kind, string? Value);
