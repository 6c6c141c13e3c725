using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Deliveries;

public static class DeliveryEndpoints
{
    private const int MaxLimit = 500;

    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/deliveries", ListAsync).WithTags("Delivery log").RequireAuthorization(Policies.QualityManager);

    /// <summary>
    /// Every attempt, newest first, filtered by alert, escalation chain (an alert and all its escalations),
    /// rule, channel, recipient (email address) and a time range [from, to).
    /// A survey invitation's entry names no recipient: it is a customer's address. Each entry says which escalation level its alert was.
    /// </summary>
    private static async Task<List<DeliveryLogEntry>> ListAsync(
        NotificationsDbContext db, CancellationToken cancellationToken,
        Guid? alertId = null, Guid? chainId = null, Guid? ruleId = null, string? channel = null, string? recipient = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null)
    {
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
        {
            throw new RequestValidationException("limit", $"must be between 1 and {MaxLimit}");
        }

        if (from is { } f && to is { } t && t < f)
        {
            throw new RequestValidationException("to", "must not be before from");
        }

        var query = db.DeliveryAttempts.AsNoTracking();
        if (alertId is { } alert)
        {
            query = query.Where(a => a.AlertId == alert);
        }

        if (chainId is { } chain)
        {
            query = query.Where(a => db.Alerts.Any(al => al.Id == a.AlertId && al.ChainId == chain));
        }

        if (!string.IsNullOrWhiteSpace(recipient))
        {
            var address = recipient.Trim().ToLowerInvariant();
            query = query.Where(a => db.Deliveries.Any(d => d.Id == a.DeliveryId && d.Recipient == address));
        }

        if (ruleId is { } rule)
        {
            query = query.Where(a => a.RuleId == rule);
        }

        if (!string.IsNullOrEmpty(channel))
        {
            query = query.Where(a => a.Channel == channel);
        }

        if (from is { } since)
        {
            query = query.Where(a => a.AttemptedAt >= since);
        }

        if (to is { } until)
        {
            query = query.Where(a => a.AttemptedAt < until);
        }

        return await query
            .OrderByDescending(a => a.AttemptedAt).ThenByDescending(a => a.Attempt)
            .Take(take)
            .Join(db.Deliveries, a => a.DeliveryId, d => d.Id, (a, d) => new DeliveryLogEntry(
                a.Id, a.DeliveryId, a.AlertId, a.RuleId, a.Channel, d.Kind == DeliveryKinds.Survey ? null : d.Recipient ?? d.Url, a.Attempt, a.AttemptedAt, a.StatusCode, a.LatencyMs, a.Error, a.Outcome, d.Status,
                db.Alerts.Where(al => al.Id == a.AlertId).Select(al => (int?)al.EscalationLevel).FirstOrDefault(), d.Kind))
            .ToListAsync(cancellationToken);
    }
}
