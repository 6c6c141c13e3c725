using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Surveys;

public static class SurveyEndpoints
{
    private const int MaxLimit = 500;

    private static readonly HashSet<string> Statuses =
    [
        SurveyInvitationStatuses.Scheduled, SurveyInvitationStatuses.Sent, SurveyInvitationStatuses.Skipped, SurveyInvitationStatuses.Cancelled,
    ];

    public static void MapSurveyEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/surveys/invitations", ListAsync).WithTags("Survey invitations").RequireAuthorization(Policies.QualityManager);

    /// <summary>Invitations newest first, optionally of one case or in one status.</summary>
    private static async Task<List<SurveyInvitationResponse>> ListAsync(
        NotificationsDbContext db, CancellationToken cancellationToken, Guid? caseId = null, string? status = null, int? limit = null)
    {
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"must be between 1 and {MaxLimit}");
        }

        var query = db.SurveyInvitations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = status.Trim().ToLowerInvariant();
            if (!Statuses.Contains(wanted))
            {
                throw new RequestValidationException("status", $"'{status}' is not one of {string.Join(", ", Statuses)}");
            }

            query = query.Where(i => i.Status == wanted);
        }

        if (caseId is { } id)
        {
            query = query.Where(i => i.CaseId == id);
        }

        return await query
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(take)
            .Select(i => new SurveyInvitationResponse(
                i.Id, i.CaseId, i.FeedbackId, i.TeamId, i.SurveyType, i.Status, i.Reason, i.ResolvedAt, i.DueAt, i.Attempts, i.LastError,
                i.Language, i.SentAt, i.ExpiresAt, i.DeliveryId,
                db.Deliveries.Where(d => d.Id == i.DeliveryId).Select(d => d.Status).FirstOrDefault(),
                i.CreatedAt, i.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}
