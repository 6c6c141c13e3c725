using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Web.Features.People;

/// <summary>
/// Whose leaderboard the people view shows: the organisation's for quality managers and admins, the person's own team's
/// for everyone with a team (Scoring lets team-scoped people read only their team's board).
/// </summary>
public sealed record PeopleScope(string Board, string TeamId)
{
    public static PeopleScope For(ClaimsPrincipal person) =>
        person.IsInRole(Roles.QualityManager) || person.IsInRole(Roles.Admin)
            ? new PeopleScope("org", "")
            : new PeopleScope("team", person.FindFirstValue(QualityClaims.Team) ?? "");
}
