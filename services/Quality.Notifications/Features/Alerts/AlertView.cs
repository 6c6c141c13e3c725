using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Alerts;

/// <summary>An alert with where its escalation stands: the pending level and when it is due, if the chain still climbs.</summary>
public sealed record AlertView(Alert Alert, int? NextEscalationLevel, DateTimeOffset? NextEscalationAt)
{
    public static async Task<AlertView> LoadAsync(NotificationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Alert {id} does not exist.");
        var timers = await ForAsync(db, [alert], cancellationToken);
        return timers[0];
    }

    /// <summary>Views of <paramref name="alerts"/>, in order, with one query for their chains' timers.</summary>
    public static async Task<List<AlertView>> ForAsync(NotificationsDbContext db, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var chains = alerts.Where(a => a.ChainId is not null).Select(a => a.ChainId!.Value).Distinct().ToList();
        var timers = chains.Count == 0
            ? []
            : await db.EscalationTimers.AsNoTracking().Where(t => chains.Contains(t.ChainId))
                .Select(t => new { t.ChainId, t.CurrentAlertId, t.NextLevel, t.DueAt }).ToListAsync(cancellationToken);
        // Only the chain's latest alert is the one that escalates next.
        return [.. alerts.Select(a => timers.SingleOrDefault(t => t.CurrentAlertId == a.Id) is { } t
            ? new AlertView(a, t.NextLevel, t.DueAt)
            : new AlertView(a, null, null))];
    }
}
