using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// "Seen, I am on it": for the HTTP endpoint and the gRPC method alike. Only a recipient of the alert (or an
/// admin) may acknowledge it; anyone else gets <see cref="ForbiddenException"/> (403 / PERMISSION_DENIED),
/// whatever their rank. Acknowledging any alert of an escalation chain acknowledges the whole chain and
/// stops its escalation: the timer is deleted first, so a sweep already escalating the chain finishes before
/// the chain is marked and its new alert is marked too. Repeating it answers the first acknowledgement unchanged.
/// </summary>
public sealed class AlertAcknowledger(NotificationsDbContext db, TimeProvider time)
{
    public async Task<AlertView> AcknowledgeAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.DuplicateOf == null, cancellationToken)
            ?? throw new NotFoundException($"Alert {id} does not exist.");
        var caller = Recipient.From(user);
        if (!caller.IsAdmin && !caller.IsAddressed(alert))
        {
            throw new ForbiddenException("Only a recipient of the alert (or an admin) may acknowledge it.");
        }

        if (alert.AcknowledgedAt is null)
        {
            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var acknowledged = db.Alerts.Where(a => a.AcknowledgedAt == null);
            if (alert.ChainId is { } chain)
            {
                await db.EscalationTimers.Where(t => t.ChainId == chain).ExecuteDeleteAsync(cancellationToken);
                acknowledged = acknowledged.Where(a => a.ChainId == chain);
            }
            else
            {
                acknowledged = acknowledged.Where(a => a.Id == id);
            }

            await acknowledged.ExecuteUpdateAsync(
                s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, caller.Subject), cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }

        return await AlertView.LoadAsync(db, id, cancellationToken);
    }
}
