using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Features.Access;

/// <summary>Who is calling, as Routing's rules need it: their subject, their team scope and how senior they are.</summary>
public sealed record Caller(string Subject, string? Team, bool IsSupervisorOrAbove, bool IsAdmin = false)
{
    /// <summary>Quality managers and admins act on every team; everyone else only on their own.</summary>
    public bool SeesAllTeams => Team is null;

    public static Caller From(ClaimsPrincipal user)
    {
        var scope = CallerScope.From(user);
        var senior = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin);
        return new Caller(scope.Subject, scope.Team, senior, user.IsInRole(Roles.Admin));
    }

    public bool CanSee(string? teamId) => Team is null || Team == teamId;

    /// <summary>The subject written on the timeline and on events.</summary>
    public string Actor => Subject.Length > 0 ? Subject : "unknown";
}
