using Microsoft.EntityFrameworkCore;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// Fires due timers, one batch per transaction. A batch claims its timers together with their cases'
/// rows, skipping any row another transaction holds: two replicas never claim the same timer, and a case
/// being changed right now is left for the next sweep rather than waited for. Firing deletes the timer and
/// writes the event to the outbox in the same commit, so each timer fires exactly once, whatever crashes.
/// </summary>
public sealed class SlaTimerSweep(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Fires up to <paramref name="batchSize"/> timers due by now; returns how many it claimed.</summary>
    public async Task<int> SweepOnceAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var clocks = scope.ServiceProvider.GetRequiredService<SlaClocks>();
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var timers = await db.SlaTimers.FromSql($"""
            SELECT t.* FROM sla_timers t
            JOIN cases c ON c.id = t.case_id
            WHERE t.due_at <= {now}
            ORDER BY t.due_at
            LIMIT {batchSize}
            FOR UPDATE OF t, c SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (timers.Count == 0)
        {
            return 0;
        }

        var caseIds = timers.Select(t => t.CaseId).Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var caseClocks = await db.SlaClocks.Where(c => caseIds.Contains(c.CaseId)).ToListAsync(cancellationToken);
        // Earliest first, so a warning and a breach due in the same sweep are announced in that order.
        foreach (var timer in timers.OrderBy(t => t.DueAt).ThenBy(t => t.Kind))
        {
            var clock = caseClocks.Single(c => c.CaseId == timer.CaseId && c.Target == timer.Target);
            await clocks.FireAsync(cases[timer.CaseId], clock, timer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return timers.Count;
    }
}
