using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Gives cases to agents and takes them back, keeping each agent's count of active cases exact. Every
/// method runs inside its caller's transaction, with the rows it changes locked (see <see cref="RoutingLocks"/>).
/// </summary>
public sealed class CaseAssigner(RoutingDbContext db, RoutingLocks locks, CaseRecorder recorder, TimeProvider time)
{
    /// <summary>
    /// Routes a locked, queued case to the best agent that can take it; returns that agent, or null when
    /// nobody can, and the case stays queued.
    /// </summary>
    public async Task<Agent?> AssignAutomaticallyAsync(Case @case, CancellationToken cancellationToken, string? preferredAgentId = null)
    {
        // Read without locks (and untracked, so the lock below returns fresh rows); the lock re-checks room.
        var candidates = await CandidatesFor(db, @case).ToListAsync(cancellationToken);
        var ranked = AssignmentPolicy.Rank(candidates, @case).Select(a => a.Id).ToList();
        if (preferredAgentId is not null && ranked.Remove(preferredAgentId))
        {
            ranked.Insert(0, preferredAgentId);
        }

        if (ranked.Count == 0)
        {
            return null;
        }

        var agent = await locks.LockFirstAvailableAgentAsync([.. ranked], cancellationToken);
        // Skills could have changed since the unlocked read; the locked row has the final word.
        if (agent is null || !AssignmentPolicy.CanTake(agent, @case))
        {
            return null;
        }

        Give(@case, agent, CaseRecorder.System);
        return agent;
    }

    /// <summary>Online agents with room and the case's category and language, untracked; the channel is checked by <see cref="AssignmentPolicy"/>.</summary>
    public static IQueryable<Agent> CandidatesFor(RoutingDbContext db, Case @case)
    {
        var category = @case.Category.ToLowerInvariant();
        var language = @case.Language.ToLowerInvariant();
        return db.Agents.AsNoTracking()
            .Where(a => a.Presence == AgentPresence.Online && a.ActiveCases < a.Capacity
                && a.Categories.Contains(category) && a.Languages.Contains(language));
    }

    /// <summary>
    /// Gives <paramref name="case"/> (locked, queued or held by another agent) to <paramref name="agent"/>
    /// (locked, with room); the previous agent, if any, must be locked too and is released.
    /// </summary>
    public void Give(Case @case, Agent agent, string actor, Agent? previous = null, string? note = null)
    {
        var from = @case.Status;
        var previousAgentId = @case.AgentId;
        if (previous is not null && @case.IsActive)
        {
            previous.ActiveCases--;
        }

        var now = time.GetUtcNow();
        @case.Status = CaseStateMachine.Next(from, CaseAction.Assign);
        @case.AgentId = agent.Id;
        @case.TeamId = agent.TeamId;
        @case.AssignedAt = now;
        agent.ActiveCases++;
        agent.LastAssignedAt = now;

        recorder.Record(@case, actor, "assigned", from, note, previousAgentId);
        db.AddToOutbox(new CaseAssigned
        {
            CorrelationId = @case.FeedbackId,
            CaseId = @case.Id,
            AgentId = agent.Id,
            TeamId = agent.TeamId,
            PreviousAgentId = previousAgentId,
            AssignedBy = actor,
            AssignedAt = now,
        });
    }
}
