using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Alerts;

public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/alerts/{id:guid}/acknowledge", AcknowledgeAsync).WithTags("Alerts");

    /// <summary>
    /// The recipient says "seen". Repeating it answers the first acknowledgement unchanged (a retried click
    /// is harmless); anyone who is not a recipient gets 403, whatever their rank.
    /// </summary>
    private static async Task<AlertResponse> AcknowledgeAsync(Guid id, NotificationsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null || alert.Channel != RuleChannels.InApp)
        {
            throw new NotFoundException($"In-app alert {id} does not exist.");
        }

        var caller = CallerScope.From(http.User);
        if (!IsRecipient(alert, http.User, caller.Subject))
        {
            throw new ForbiddenException("Only the alert's recipient may acknowledge it.");
        }

        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = time.GetUtcNow();
            alert.AcknowledgedBy = caller.Subject;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AlertResponse(alert.Id, alert.Kind, alert.CaseId, alert.Title, alert.AcknowledgedAt, alert.AcknowledgedBy);
    }

    /// <summary>A person-addressed alert belongs to that person; a role-addressed one to holders of the role in its team.</summary>
    private static bool IsRecipient(Alert alert, ClaimsPrincipal user, string subject)
    {
        if (alert.RecipientId is not null)
        {
            return alert.RecipientId == subject;
        }

        if (alert.RecipientRole.Length == 0 || !user.IsInRole(alert.RecipientRole))
        {
            return false;
        }

        // Managers and admins have no team; their role alerts are organisation-wide.
        return alert.TeamId is null || alert.RecipientRole is Roles.QualityManager or Roles.Admin || user.FindFirstValue(QualityClaims.Team) == alert.TeamId;
    }
}
