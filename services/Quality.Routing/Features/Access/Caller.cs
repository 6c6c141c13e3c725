using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Features.Access;

/// <summary>Who is calling, as Routing's rules need it: their subject, their team scope and how senior they are.</summary>
public sealed record Caller(string Subject, string? Team, bool IsSupervisorOrAbove, bool IsAdmin = false, string? Role = null)
{
    /// <summary>The caller's most senior role, ranked by <see cref="RoleRanks"/>; from the flags when no role was named.</summary>
    public int Seniority => Role is not null ? RoleRanks.Of(Role) : IsAdmin ? RoleRanks.Of(Roles.Admin) : IsSupervisorOrAbove ? RoleRanks.Of(Roles.Supervisor) : RoleRanks.Of(Roles.Agent);

    /// <summary>Quality managers and admins act on every team; everyone else only on their own.</summary>
    public bool SeesAllTeams => Team is null;

    public static Caller From(ClaimsPrincipal user)
    {
        var scope = CallerScope.From(user);
        var senior = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin);
        string[] ranked = [Roles.Admin, Roles.QualityManager, Roles.Supervisor, Roles.Agent];
        return new Caller(scope.Subject, scope.Team, senior, user.IsInRole(Roles.Admin), ranked.FirstOrDefault(user.IsInRole) ?? "");
    }

    public bool CanSee(string? teamId) => Team is null || Team == teamId;

    /// <summary>The subject written on the timeline and on events.</summary>
    public string Actor => Subject.Length > 0 ? Subject : "unknown";
}
