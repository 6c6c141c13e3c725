using System.Security.Claims;

namespace Quality.ServiceDefaults.Authentication;

/// <summary>
/// What a caller may see: quality managers and admins see every team; agents and supervisors only their
/// own team (no team claim means no team's data).
/// </summary>
public sealed record CallerScope(string Subject, string? Team)
{
    public static CallerScope From(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(QualityClaims.Subject) ?? "";
        var seesAllTeams = user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin);
        return new CallerScope(subject, seesAllTeams ? null : user.FindFirstValue(QualityClaims.Team) ?? "");
    }

    public bool CanSee(string? teamId) => Team is null || Team == teamId;
}
