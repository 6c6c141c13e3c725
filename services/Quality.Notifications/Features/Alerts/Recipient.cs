using System.Linq.Expressions;
using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// A person as alerts see them: their subject, roles and team (from the JWT). An alert addressed to a person is
/// theirs alone; one addressed to a role belongs to holders of the role in its team (quality manager and admin
/// alerts are organisation-wide, as those roles have no team).
/// </summary>
public sealed record Recipient(string Subject, IReadOnlyList<string> Roles, string? Team)
{
    public static Recipient From(ClaimsPrincipal user) => new(
        user.FindFirstValue(QualityClaims.Subject) ?? "",
        [.. Quality.ServiceDefaults.Authentication.Roles.All.Where(user.IsInRole)],
        user.FindFirstValue(QualityClaims.Team));

    public bool IsAdmin => Roles.Contains(Quality.ServiceDefaults.Authentication.Roles.Admin);

    public bool IsAddressed(string recipientRole, string? recipientId, string? teamId)
    {
        if (recipientId is not null)
        {
            return recipientId == Subject;
        }

        if (recipientRole.Length == 0 || !Roles.Contains(recipientRole))
        {
            return false;
        }

        return teamId is null || IsOrganisationWide(recipientRole) || teamId == Team;
    }

    public bool IsAddressed(Alert alert) => IsAddressed(alert.RecipientRole, alert.RecipientId, alert.TeamId);

    /// <summary>The same test as <see cref="IsAddressed(string, string?, string?)"/>, for queries.</summary>
    public Expression<Func<Alert, bool>> Addressed()
    {
        var subject = Subject;
        var roles = Roles.ToList();
        var team = Team;
        return a => a.RecipientId == subject
            || (a.RecipientId == null && a.RecipientRole != "" && roles.Contains(a.RecipientRole)
                && (a.TeamId == null || a.RecipientRole == Quality.ServiceDefaults.Authentication.Roles.QualityManager
                    || a.RecipientRole == Quality.ServiceDefaults.Authentication.Roles.Admin || a.TeamId == team));
    }

    private static bool IsOrganisationWide(string role) =>
        role is Quality.ServiceDefaults.Authentication.Roles.QualityManager or Quality.ServiceDefaults.Authentication.Roles.Admin;
}
