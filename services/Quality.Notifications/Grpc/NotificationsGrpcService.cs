using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Grpc;

public sealed class NotificationsGrpcService(NotificationsDbContext db, AlertAcknowledger acknowledger, FeedStreams feed, FeedReads reads) : NotificationsService.NotificationsServiceBase
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

        var user = context.GetHttpContext().User;
        if (request.AddressedToMe)
        {
            query = query.Where(Recipient.From(user).Addressed());
        }
        else if (CallerScope.From(user).Team is { } team)
        {
            query = query.Where(a => a.TeamId == team);
        }

        var alerts = await query.OrderByDescending(a => a.CreatedAt).Take(pageSize).ToListAsync(context.CancellationToken);
        return new ListAlertsResponse { Alerts = { (await AlertView.ForAsync(db, alerts, context.CancellationToken)).Select(AlertMessages.ToMessage) } };
    }

    public override async Task<Alert> GetAlert(GetAlertRequest request, ServerCallContext context)
    {
        var id = Guid.TryParse(request.AlertId, out var parsed) ? parsed : throw new RequestValidationException("alert_id", "must be a UUID");
        var view = await AlertView.LoadAsync(db, id, context.CancellationToken);
        var user = context.GetHttpContext().User;
        // Who may acknowledge it, and whoever sees its team's alerts, may read it; to anyone else it does not exist.
        if (!CallerScope.From(user).CanSee(view.Alert.TeamId) && !Recipient.From(user).IsAddressed(view.Alert))
        {
            throw new NotFoundException($"Alert {id} does not exist.");
        }

        return AlertMessages.ToMessage(view);
    }

    public override async Task<Alert> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context)
    {
        var id = Guid.TryParse(request.AlertId, out var parsed) ? parsed : throw new RequestValidationException("alert_id", "must be a UUID");
        return AlertMessages.ToMessage(await acknowledger.AcknowledgeAsync(id, context.GetHttpContext().User, context.CancellationToken));
    }

    public override async Task WatchFeed(WatchFeedRequest request, IServerStreamWriter<FeedMessage> responseStream, ServerCallContext context)
    {
        // gRPC has its own keepalive pings: no heartbeat messages.
        await foreach (var item in feed.WatchAsync(Recipient.From(context.GetHttpContext().User), null, context.CancellationToken))
        {
            await responseStream.WriteAsync(AlertMessages.ToMessage(item), context.CancellationToken);
        }
    }

    public override async Task<UnreadCount> GetUnreadCount(GetUnreadCountRequest request, ServerCallContext context) =>
        new() { UnreadCount_ = await reads.UnreadCountAsync(Recipient.From(context.GetHttpContext().User), context.CancellationToken) };

    public override async Task<UnreadCount> MarkRead(MarkReadRequest request, ServerCallContext context) =>
        new() { UnreadCount_ = await reads.MarkReadAsync(Recipient.From(context.GetHttpContext().User), request.AlertIds, request.All, context.CancellationToken) };
}
