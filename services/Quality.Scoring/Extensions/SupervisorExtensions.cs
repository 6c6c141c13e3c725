using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Extensions;

internal static class SupervisorExtensions
{
    /// <summary>Whether the caller supervises <paramref name="teamId"/>: a supervisor whose (non-empty) team claim names it.</summary>
    public static bool Supervises(this ClaimsPrincipal user, CallerScope caller, string? teamId) =>
        user.IsInRole(Roles.Supervisor) && !string.IsNullOrEmpty(caller.Team) && caller.Team == teamId;
}
