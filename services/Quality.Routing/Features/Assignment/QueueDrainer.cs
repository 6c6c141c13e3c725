using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Assigns queued cases, most urgent first, each in its own short transaction: one case and one agent
/// locked at a time, and a case another replica is handling is skipped rather than waited for.
/// </summary>
public sealed class QueueDrainer(IServiceScopeFactory scopes)
{
    public async Task<int> DrainAsync(int maxCases, CancellationToken cancellationToken)
    {
        List<Guid> queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
            if (!await db.Agents.AnyAsync(a => a.Presence == AgentPresence.Online && a.ActiveCases < a.Capacity, cancellationToken))
            {
                return 0;
            }

            queued = await db.Cases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.Open)
                .OrderBy(c => c.Priority).ThenBy(c => c.OpenedAt)
                .Select(c => c.Id)
                .Take(maxCases)
                .ToListAsync(cancellationToken);
        }

        var assigned = 0;
        foreach (var id in queued)
        {
            if (await TryAssignAsync(id, cancellationToken))
            {
                assigned++;
            }
        }

        return assigned;
    }

    private async Task<bool> TryAssignAsync(Guid caseId, CancellationToken cancellationToken)
    {
        // A scope per case: a fresh DbContext never hands back a row tracked in an earlier transaction.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var locks = scope.ServiceProvider.GetRequiredService<RoutingLocks>();
        var assigner = scope.ServiceProvider.GetRequiredService<CaseAssigner>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await locks.TryLockQueuedCaseAsync(caseId, cancellationToken);
        if (@case is null || await assigner.AssignAutomaticallyAsync(@case, cancellationToken) is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
