namespace Quality.Notifications.Features.Rules;

/// <summary>
/// Whom a rule addresses. <c>team</c>: the team's supervisors, and only events about that team;
/// <c>role</c>: everyone with the role, in the event's team; <c>person</c>: one person by subject.
/// </summary>
public static class RuleScopes
{
    public const string Team = "team";
    public const string Role = "role";
    public const string Person = "person";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Team, Role, Person]);
}
