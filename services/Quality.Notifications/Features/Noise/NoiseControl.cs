using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Deduplication and per-recipient scheduling, applied inside the consumer's inbox transaction. Before
/// deciding anything, <see cref="LockAsync"/> takes transaction-scoped advisory locks on everything the
/// decisions count (each deduplicating rule's key, each email address), so two replicas consuming at once
/// decide one after the other, each seeing the other's rows. The locks are always taken in one global order
/// (dedup keys by rule, then addresses), so two events can never wait on each other.
/// </summary>
public sealed class NoiseControl(NotificationsDbContext db, RoutingCalendars calendars, IOptions<NoiseOptions> options)
{
    /// <summary>
    /// Locks what deciding <paramref name="matches"/> (each rule an event matched, with the event's dedup key) counts:
    /// each deduplicating rule's key, then each email rule's addresses, every key once.
    /// </summary>
    public async Task LockAsync(IReadOnlyList<(SubscriptionRule Rule, string DedupKey)> matches, CancellationToken cancellationToken)
    {
        var keys = matches.Where(m => m.Rule.DedupWindowSeconds is not null)
            .Select(m => (m.Rule.Id, m.DedupKey)).Distinct().OrderBy(k => k.Id).ThenBy(k => k.DedupKey, StringComparer.Ordinal)
            .Select(k => $"dedup:{k.Id}:{k.DedupKey}")
            .Concat(matches.Where(m => m.Rule.Channel == RuleChannels.Email).SelectMany(m => m.Rule.EmailTo).Distinct().Order(StringComparer.Ordinal).Select(a => $"recipient:{a}"));
        await LockKeysAsync(keys, cancellationToken);
    }

    /// <summary>Locks <paramref name="addresses"/>' throttle counts, as <see cref="LockAsync"/> does, for email queued outside a consumer (escalations).</summary>
    public Task LockAddressesAsync(IEnumerable<string> addresses, CancellationToken cancellationToken) =>
        LockKeysAsync(addresses.Distinct().Order(StringComparer.Ordinal).Select(a => $"recipient:{a}"), cancellationToken);

    private async Task LockKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }
    }

    /// <summary>
    /// For each deduplicating rule of <paramref name="matches"/> and its event's dedup key, the earlier alert it raised
    /// for that key inside its window, if any (after <see cref="LockAsync"/>); one query for all of them.
    /// </summary>
    public async Task<Dictionary<(Guid RuleId, string DedupKey), Guid>> DuplicatesOfAsync(
        IReadOnlyList<(SubscriptionRule Rule, string DedupKey)> matches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deduplicating = matches.Where(m => m.Rule.DedupWindowSeconds is not null).ToList();
        if (deduplicating.Count == 0)
        {
            return [];
        }

        var windows = deduplicating.Select(m => m.Rule).DistinctBy(r => r.Id)
            .ToDictionary(r => r.Id, r => now - TimeSpan.FromSeconds(r.DedupWindowSeconds!.Value));
        var wanted = deduplicating.Select(m => (m.Rule.Id, m.DedupKey)).ToHashSet();
        var ids = windows.Keys.ToList();
        var keys = wanted.Select(w => w.DedupKey).Distinct().ToList();
        var earliest = windows.Values.Min();
        var candidates = await db.Alerts.AsNoTracking()
            .Where(a => ids.Contains(a.RuleId) && keys.Contains(a.DedupKey!) && a.DuplicateOf == null && a.CreatedAt > earliest)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new { a.RuleId, a.DedupKey, a.Id, a.CreatedAt })
            .ToListAsync(cancellationToken);
        // Ordered by creation: the first in each rule's own window is the one repeated.
        var duplicates = new Dictionary<(Guid RuleId, string DedupKey), Guid>();
        foreach (var candidate in candidates)
        {
            if (wanted.Contains((candidate.RuleId, candidate.DedupKey!)) && candidate.CreatedAt > windows[candidate.RuleId])
            {
                duplicates.TryAdd((candidate.RuleId, candidate.DedupKey!), candidate.Id);
            }
        }

        return duplicates;
    }

    /// <summary>When and how an email alert to <paramref name="address"/> is queued (after <see cref="LockAsync"/>).</summary>
    public async Task<NoiseDecision> ScheduleEmailAsync(string address, int severity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var windowStart = NoisePolicy.WindowStart(now, o.ThrottleWindow);
        var stored = await db.Deliveries
            .Where(d => d.Recipient == address && d.Channel == RuleChannels.Email && d.Kind == DeliveryKinds.Alert && d.CreatedAt >= windowStart
                        && d.Status != DeliveryStatuses.Held && d.Status != DeliveryStatuses.Digested)
            .CountAsync(cancellationToken);
        // Deliveries this event already queued (another rule, same address) are not saved yet.
        var queued = db.ChangeTracker.Entries<Delivery>().Count(e => e.State == EntityState.Added && e.Entity.Recipient == address
            && e.Entity.Kind == DeliveryKinds.Alert && e.Entity.Status == DeliveryStatuses.Pending);
        var critical = severity >= EventCatalog.MaxSeverity;
        // A critical alert ignores quiet hours, so Routing is not asked for it.
        var quietUntil = critical ? null : await QuietUntilAsync(address, now, cancellationToken);
        return NoisePolicy.Decide(now, critical, stored + queued, o, quietUntil);
    }

    /// <summary>When the quiet hours <paramref name="now"/> falls in end for <paramref name="address"/>; null when it is not quiet (or its calendar cannot be asked).</summary>
    public async Task<DateTimeOffset?> QuietUntilAsync(string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quiet = await db.QuietHours.AsNoTracking().SingleOrDefaultAsync(q => q.Address == address, cancellationToken);
        return quiet switch
        {
            null => null,
            { CalendarId: { } calendarId } => await calendars.QuietUntilAsync(calendarId, now, cancellationToken),
            _ => quiet.Window()?.EndIfWithin(now),
        };
    }
}
