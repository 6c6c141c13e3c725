using Quality.Contracts;

namespace Quality.Notifications.Features.Rules;

/// <summary>What the rules need to know about one event type: its name, alert kind, fields, severity, team and case.</summary>
public sealed record EventDescriptor(
    string Name,
    string Kind,
    Type Type,
    IReadOnlySet<string> Placeholders,
    Func<IntegrationEvent, int> Severity,
    Func<IntegrationEvent, string?> Team,
    Func<IntegrationEvent, Guid?> CaseId);
