using System.Reflection;
using System.Text.Json;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Contracts.Scoring;

namespace Quality.Notifications.Features.Rules;

/// <summary>
/// The events rules may name. Placeholders are the event's own JSON field names (camelCase), read off the
/// contract, so a template can only use what the event really carries and a new contract field is usable
/// without touching this list. Severity runs 1 (low) to 4 (critical); priority 1 is the most urgent.
/// </summary>
public static class EventCatalog
{
    public const int MinSeverity = 1;
    public const int MaxSeverity = 4;

    public static readonly IReadOnlyList<EventDescriptor> All =
    [
        Describe<SlaWarning>("sla_warning", e => Clamp(4 - e.Priority), e => e.TeamId, e => e.CaseId, e => $"{e.CaseId}:{e.Target}"),
        Describe<SlaBreached>("sla_breached", e => Clamp(5 - e.Priority), e => e.TeamId, e => e.CaseId, e => $"{e.CaseId}:{e.Target}"),
        Describe<CaseEscalated>("case_escalated", e => Clamp(5 - e.Priority), e => e.TeamId, e => e.CaseId, e => $"{e.CaseId}:{e.Level}"),
        Describe<CaseOpened>("case_opened", e => Clamp(5 - e.Priority), e => e.TeamId, e => e.CaseId, e => $"{e.CaseId}"),
        Describe<GoalAtRisk>("goal_at_risk", _ => 2, e => e.Scope == GoalScope.Team ? e.ScopeId : null, _ => null, e => $"{e.GoalId}"),
        Describe<GoalMissed>("goal_missed", _ => 3, e => e.Scope == GoalScope.Team ? e.ScopeId : null, _ => null, e => $"{e.GoalId}"),
        Describe<ComplaintSurge>("complaint_surge", _ => 3, _ => null, _ => null, e => e.Category),
    ];

    private static readonly Dictionary<string, EventDescriptor> ByName =
        All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<Type, EventDescriptor> ByType = All.ToDictionary(d => d.Type);

    /// <summary>Finds an event by its name, ignoring case (<c>SlaBreached</c>, <c>slabreached</c>).</summary>
    public static EventDescriptor? Find(string name) => ByName.GetValueOrDefault(name);

    public static EventDescriptor For(Type type) =>
        ByType.TryGetValue(type, out var descriptor) ? descriptor : throw new ArgumentException($"{type.Name} is not a rule event.", nameof(type));

    private static int Clamp(int severity) => Math.Clamp(severity, MinSeverity, MaxSeverity);

    private static EventDescriptor Describe<T>(string kind, Func<T, int> severity, Func<T, string?> team, Func<T, Guid?> caseId, Func<T, string> dedupKey)
        where T : IntegrationEvent
    {
        var placeholders = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Append("eventType")
            .ToHashSet(StringComparer.Ordinal);
        return new EventDescriptor(typeof(T).Name, kind, typeof(T), placeholders,
            e => severity((T)e), e => team((T)e), e => caseId((T)e), e => $"{kind}:{dedupKey((T)e)}");
    }
}
