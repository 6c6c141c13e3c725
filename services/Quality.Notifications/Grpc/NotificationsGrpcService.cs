using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Grpc;

public sealed class NotificationsGrpcService(NotificationsDbContext db) : NotificationsService.NotificationsServiceBase
{
    private const int MaxPageSize = 200;

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var pageSize = request.PageSize switch
        {
            0 => 50,
            < 0 or > MaxPageSize => throw new RequestValidationException("page_size", $"must be between 1 and {MaxPageSize}"),
            _ => request.PageSize,
        };

        // The feed is the in-app channel; webhook and email alerts are recorded too, but are read through the
        // delivery log. Duplicates suppressed by a rule's dedup window are kept for the record, not shown.
        var query = db.Alerts.AsNoTracking().Where(a => a.Channel == "in_app" && a.DuplicateOf == null);
        if (request.CaseId.Length > 0)
        {
            var caseId = Guid.TryParse(request.CaseId, out var id) ? id : throw new RequestValidationException("case_id", "must be a UUID");
            query = query.Where(a => a.CaseId == caseId);
        }

        if (CallerScope.From(context.GetHttpContext().User).Team is { } team)
        {
            query = query.Where(a => a.TeamId == team);
        }

        var alerts = await query.OrderByDescending(a => a.CreatedAt).Take(pageSize).ToListAsync(context.CancellationToken);
        return new ListAlertsResponse
        {
            Alerts =
            {
                alerts.Select(a => new Alert
                {
                    AlertId = a.Id.ToString(),
                    Kind = a.Kind,
                    CaseId = a.CaseId?.ToString() ?? "",
                    RecipientRole = a.RecipientRole,
                    TeamId = a.TeamId ?? "",
                    Severity = a.Severity,
                    Title = a.Title,
                    CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
                    AcknowledgedAt = a.AcknowledgedAt is { } acknowledged ? Timestamp.FromDateTimeOffset(acknowledged) : null,
                    CorrelationId = a.CorrelationId.ToString(),
                }),
            },
        };
    }
}
