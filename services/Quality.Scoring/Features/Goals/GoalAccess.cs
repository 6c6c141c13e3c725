using System.Security.Claims;
using Quality.Scoring.Extensions;
using Quality.Scoring.Features.Kpis;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// Who may do what with goals: quality managers and admins anything; supervisors set and cancel goals for their team
/// and its agents and read those; agents read the goals set on themselves; anyone reads the goals they own.
/// </summary>
public sealed class GoalAccess(KpiFactLoader loader)
{
    /// <summary>The team a goal on <paramref name="scope"/> belongs to: the team itself, or the agent's latest team.</summary>
    public async Task<string?> TeamOfAsync(KpiScope scope, CancellationToken ct) => scope.Kind switch
    {
        ScopeKind.Team => scope.Id,
        ScopeKind.Agent => await loader.TeamOfAgentAsync(scope.Id!, ct),
        _ => null,
    };

    public static void AuthorizeManage(ClaimsPrincipal user, KpiScope scope, string? team)
    {
        var caller = CallerScope.From(user);
        if (caller.Team is null)
        {
            return;
        }

        if (!user.IsInRole(Roles.Supervisor))
        {
            throw new ForbiddenException("only supervisors, quality managers and admins may set or cancel goals");
        }

        if (scope.Kind == ScopeKind.Org || !user.Supervises(caller, team))
        {
            throw new ForbiddenException(scope.Kind == ScopeKind.Org
                ? "only quality managers and admins may set or cancel organisation goals"
                : $"supervisors may set or cancel goals only for their own team and its agents, not {scope.Name} {scope.Id}");
        }
    }

    public static bool CanRead(ClaimsPrincipal user, Goal goal)
    {
        var caller = CallerScope.From(user);
        if (caller.Team is null || (caller.Subject.Length > 0 && goal.OwnerId == caller.Subject))
        {
            return true;
        }

        if (user.Supervises(caller, goal.TeamId))
        {
            return true;
        }

        return goal.ScopeKind == ScopeKind.Agent && caller.Subject.Length > 0 && goal.ScopeId == caller.Subject;
    }
}
