using System.Security.Claims;
using Quality.Scoring.Extensions;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// Who may do what with QA reviews: quality managers and admins anything; supervisors review and calibrate their own
/// team's agents and read those reviews; agents read and dispute their own reviews.
/// </summary>
public static class QaAccess
{
    public static void AuthorizeManager(ClaimsPrincipal user, string what)
    {
        if (!IsManager(user))
        {
            throw new ForbiddenException($"only quality managers and admins may {what}");
        }
    }

    /// <summary>Reviewing (and calibrating) an agent's case: a manager, or the supervisor of the team it is reviewed for.</summary>
    public static void AuthorizeReview(ClaimsPrincipal user, string agentId, string? teamId)
    {
        var caller = CallerScope.From(user);
        if (caller.Subject.Length > 0 && caller.Subject == agentId)
        {
            throw new ForbiddenException("you may not review your own work");
        }

        if (caller.Team is null)
        {
            return;
        }

        if (!user.Supervises(caller, teamId))
        {
            throw new ForbiddenException(user.IsInRole(Roles.Supervisor)
                ? $"supervisors may review only their own team's agents, not {agentId} of team {teamId}"
                : "only quality managers, admins and supervisors may review cases");
        }
    }

    public static bool CanRead(ClaimsPrincipal user, QaReview review)
    {
        var caller = CallerScope.From(user);
        return caller.Team is null
            || (caller.Subject.Length > 0 && (review.AgentId == caller.Subject || review.ReviewerId == caller.Subject))
            || user.Supervises(caller, review.TeamId);
    }

    public static bool CanRead(ClaimsPrincipal user, CalibrationSession session)
    {
        var caller = CallerScope.From(user);
        return caller.Team is null || user.Supervises(caller, session.TeamId);
    }

    private static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin);
}
