using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Fills agents' free room from the queue, most urgent case first, each fill in its own transaction that
/// runs after the change that made room (or queued a case) has committed. Waiting for the cases' locks
/// rather than skipping them is what keeps a case from being stranded: a transaction that holds a queued
/// case but read the agents before this agent had room gives the case back, and this fill, having waited
/// for it, takes it. Locking cases before the agent keeps it deadlock-free (see <see cref="RoutingLocks"/>).
/// </summary>
public sealed partial class QueueBackfill(IServiceScopeFactory scopes, IOptions<QueueOptions> queue, TimeProvider time, ILogger<QueueBackfill> logger)
{
    /// <summary>How many times a queued case looks again for an agent when others keep taking the room it saw.</summary>
    private const int MaxAttempts = 10;

    /// <summary>Gives up to <paramref name="maxCases"/> of the most urgent queued cases the agent can take; returns how many it gave.</summary>
    public async Task<int> FillAsync(string agentId, int maxCases, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var locks = scope.ServiceProvider.GetRequiredService<RoutingLocks>();
        var assigner = scope.ServiceProvider.GetRequiredService<CaseAssigner>();

        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null || !AssignmentPolicy.CanReceive(agent))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var relax = SkillRelaxation.At(queue.Value, time.GetUtcNow());
        var queued = await locks.LockQueuedCasesForAsync(agent, Math.Min(maxCases, agent.Capacity - agent.ActiveCases), relax, cancellationToken);
        var locked = queued.Count == 0 ? null : await locks.LockAgentAsync(agentId, cancellationToken);
        var given = 0;
        foreach (var @case in queued)
        {
            // The agent's row, locked only now, has the final word on presence, room and skills.
            if (locked is null || !AssignmentPolicy.HasRoom(locked) || locked.Presence != AgentPresence.Online)
            {
                break;
            }

            if (AssignmentPolicy.HasSkills(locked, @case, relax))
            {
                var relaxed = CaseAssigner.RelaxedNote(locked, @case, queue.Value);
                assigner.Give(@case, locked, CaseRecorder.System, note: relaxed is null ? "backfill" : $"backfill; {relaxed}");
                given++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return given;
    }

    /// <summary>After a commit that gave an agent room (online, more capacity or skills, a case resolved or moved away).</summary>
    public async Task AfterAgentFreedAsync(string agentId, CancellationToken cancellationToken)
    {
        try
        {
            await FillAsync(agentId, int.MaxValue, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is committed; the queue sweep fills the room instead.
            LogFillFailed(e, agentId);
        }
    }

    /// <summary>
    /// After a commit that left a case queued (opened or reopened with nobody free): an agent that got room
    /// while that transaction ran could not see the case, so the case looks for one now. The agent fills
    /// from the queue in urgency order, which may give it a more urgent case first; the loop ends when this
    /// case is taken or nobody able to take it has room.
    /// </summary>
    public async Task AfterCaseQueuedAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (await BestAgentForAsync(caseId, cancellationToken) is not { } best)
                {
                    return;
                }

                await FillAsync(best, int.MaxValue, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueuedFailed(e, caseId);
        }
    }

    /// <summary>The agent that should take the case if it is still queued; null when it is not, or nobody can.</summary>
    private async Task<string?> BestAgentForAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.Status == CaseStatus.Open, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var relax = SkillRelaxation.At(queue.Value, time.GetUtcNow());
        var candidates = await CaseAssigner.CandidatesFor(db, @case, relax).ToListAsync(cancellationToken);
        return AssignmentPolicy.Rank(candidates, @case, relax).FirstOrDefault()?.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filling agent {AgentId} from the queue failed; the queue sweep will")]
    private partial void LogFillFailed(Exception exception, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing queued case {CaseId} failed; the queue sweep will")]
    private partial void LogQueuedFailed(Exception exception, Guid caseId);
}
