using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.Kpis;

/// <summary>KPIs for a scope and period, after checking the caller may see that scope.</summary>
public sealed class KpiQuery(KpiPeriodResolver periods, KpiFactLoader loader)
{
    public async Task<(KpiScope Scope, KpiPeriod Period, IReadOnlyList<KpiResult> Results)> GetAsync(
        ClaimsPrincipal user, string? scope, string? scopeId, string? period, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        // Validate everything before looking at who is asking, so a bad request is a 400 for everyone.
        var kpiScope = KpiScope.Parse(scope, scopeId);
        var kpiPeriod = periods.Resolve(period, from, to);
        await AuthorizeAsync(user, kpiScope, ct);

        var facts = await loader.LoadAsync(kpiPeriod, ct);
        return (kpiScope, kpiPeriod, KpiCalculator.Compute(facts, kpiScope, kpiPeriod));
    }

    /// <summary>Agents see only themselves; supervisors their team and its agents; quality managers and admins everything.</summary>
    private async Task AuthorizeAsync(ClaimsPrincipal user, KpiScope scope, CancellationToken ct)
    {
        var caller = CallerScope.From(user);
        if (caller.Team is null)
        {
            return;
        }

        var allowed = scope.Kind switch
        {
            ScopeKind.Agent when scope.Id == caller.Subject && caller.Subject.Length > 0 => true,
            ScopeKind.Agent when user.IsInRole(Roles.Supervisor) => caller.Team.Length > 0 && await loader.TeamOfAgentAsync(scope.Id!, ct) == caller.Team,
            ScopeKind.Team when user.IsInRole(Roles.Supervisor) => caller.Team.Length > 0 && scope.Id == caller.Team,
            _ => false,
        };
        if (!allowed)
        {
            throw new ForbiddenException($"you may not see the KPIs of {scope.Name} {scope.Id}".TrimEnd());
        }
    }
}
