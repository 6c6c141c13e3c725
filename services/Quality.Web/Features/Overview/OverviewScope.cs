using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Web.Features.Overview;

/// <summary>
/// Whose KPIs the overview shows: the organisation for quality managers and admins, the team for supervisors,
/// and an agent's own (Scoring lets agents watch only themselves).
/// </summary>
public sealed record OverviewScope(string Scope, string ScopeId)
{
    public static OverviewScope For(ClaimsPrincipal person)
    {
        if (person.IsInRole(Roles.QualityManager) || person.IsInRole(Roles.Admin))
        {
            return new OverviewScope("org", "");
        }

        if (person.IsInRole(Roles.Supervisor))
        {
            return new OverviewScope("team", person.FindFirstValue(QualityClaims.Team) ?? "");
        }

        return new OverviewScope("agent", person.FindFirstValue(QualityClaims.Subject) ?? "");
    }
}
