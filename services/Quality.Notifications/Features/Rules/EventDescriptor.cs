using Quality.Contracts;

namespace Quality.Notifications.Features.Rules;

/// <summary>
/// What the rules need to know about one event type: its name, alert kind, fields, severity, team, case, and
/// the key that makes two of its alerts "the same" for deduplication (e.g. one case's one SLA target).
/// </summary>
public sealed record EventDescriptor(
    string Name,
    string Kind,
    Type Type,
    IReadOnlySet<string> Placeholders,
    Func<IntegrationEvent, int> Severity,
    Func<IntegrationEvent, string?> Team,
    Func<IntegrationEvent, Guid?> CaseId,
    Func<IntegrationEvent, string> DedupKey);
