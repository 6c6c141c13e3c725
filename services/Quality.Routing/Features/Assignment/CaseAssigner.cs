using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Teams;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Gives cases to agents and takes them back, keeping each agent's count of active cases exact. Every
/// method runs inside its caller's transaction, with the rows it changes locked (see <see cref="RoutingLocks"/>).
/// </summary>
public sealed class CaseAssigner(RoutingDbContext db, RoutingLocks locks, CaseRecorder recorder, IOptions<QueueOptions> queue, TimeProvider time)
{
    /// <summary>
    /// Routes a locked, queued case to the best agent that can take it; returns that agent, or null when
    /// nobody can, and the case stays queued. The best agent by the policy picks the team; when that team
    /// assigns round robin, its agents take turns instead (see <see cref="TakeTurnAsync"/>).
    /// </summary>
    public async Task<Agent?> AssignAutomaticallyAsync(Case @case, CancellationToken cancellationToken, string? preferredAgentId = null)
    {
        // Read without locks (and untracked, so the lock below returns fresh rows); the lock re-checks room.
        var relax = SkillRelaxation.At(queue.Value, time.GetUtcNow());
        // Each candidate with its team's assignment mode, in the same statement: the best agent's team decides
        // whether turns apply (see TakeTurnAsync), and a separate read of it was one more round trip per case.
        var rows = await CandidatesFor(db, @case, relax)
            .Select(a => new { Agent = a, Mode = db.Teams.Where(t => t.Id == a.TeamId).Select(t => (TeamAssignment?)t.Assignment).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var ranked = AssignmentPolicy.Rank(rows.Select(r => r.Agent), @case, relax);
        if (ranked.Count == 0)
        {
            return null;
        }

        Team? turn = null;
        var order = ranked.Select(a => a.Id).ToList();
        if (preferredAgentId is not null && order.Remove(preferredAgentId))
        {
            order.Insert(0, preferredAgentId);
        }
        else
        {
            var mode = rows.First(r => r.Agent.Id == ranked[0].Id).Mode;
            (turn, order) = await TakeTurnAsync(ranked, mode, cancellationToken);
        }

        var agent = await locks.LockFirstAvailableAgentAsync([.. order], cancellationToken);
        // Skills could have changed since the unlocked read; the locked row has the final word.
        if (agent is null || !AssignmentPolicy.CanTake(agent, @case, relax))
        {
            return null;
        }

        GiveRouted(@case, agent, turn);
        return agent;
    }

    /// <summary>
    /// Gives a locked, queued case to the locked agent routing chose, moving the locked round-robin team's
    /// cursor when the agent took that team's turn; the timeline notes any skill the agent lacks.
    /// </summary>
    public void GiveRouted(Case @case, Agent agent, Team? turn)
    {
        if (turn is not null && agent.TeamId == turn.Id)
        {
            turn.RoundRobinCursor = agent.Id;
        }

        Give(@case, agent, CaseRecorder.System, note: RelaxedNote(agent, @case, queue.Value));
    }

    /// <summary>
    /// When the best-ranked agent's team assigns round robin: locks the team, whose cursor then says whose turn it
    /// is, and puts that team's agents first in turn order, the others after in the policy's order. Holding the
    /// team until commit makes turns strict across replicas: the next case for the team waits here and reads
    /// the cursor this one moves. Returns the locked team (null for least_loaded) and the order to try.
    /// <paramref name="mode"/> is the team's mode as read with the candidates, unlocked; the locked row re-checks it.
    /// </summary>
    private async Task<(Team? Turn, List<string> Order)> TakeTurnAsync(IReadOnlyList<Agent> ranked, TeamAssignment? mode, CancellationToken cancellationToken)
    {
        var teamId = ranked[0].TeamId;
        if (mode != TeamAssignment.RoundRobin || await locks.LockTeamAsync(teamId, cancellationToken) is not { Assignment: TeamAssignment.RoundRobin } team)
        {
            return (null, [.. ranked.Select(a => a.Id)]);
        }

        return (team, [.. TurnOrder(ranked, team).Select(a => a.Id)]);
    }

    /// <summary>
    /// The order to try ranked agents in: when the best one's team is <paramref name="turn"/> (locked, round robin),
    /// that team's agents in turn order first, the others after in the policy's order; otherwise the policy's order.
    /// </summary>
    public static IEnumerable<Agent> TurnOrder(IReadOnlyList<Agent> ranked, Team? turn) =>
        turn is { Assignment: TeamAssignment.RoundRobin } && ranked.Count > 0 && ranked[0].TeamId == turn.Id
            ? AssignmentPolicy.TakeTurns(ranked.Where(a => a.TeamId == turn.Id), turn.RoundRobinCursor).Concat(ranked.Where(a => a.TeamId != turn.Id))
            : ranked;

    /// <summary>
    /// Online agents with room and the case's category and language (unless the language has relaxed),
    /// untracked; the channel is checked by <see cref="AssignmentPolicy"/>.
    /// </summary>
    public static IQueryable<Agent> CandidatesFor(RoutingDbContext db, Case @case, SkillRelaxation relax)
    {
        var category = @case.Category.ToLowerInvariant();
        var language = @case.Language.ToLowerInvariant();
        var anyLanguage = relax.Applies(@case) && relax.Language;
        return db.Agents.AsNoTracking()
            .Where(a => a.Presence == AgentPresence.Online && a.ActiveCases < a.Capacity
                && a.Categories.Contains(category) && (anyLanguage || a.Languages.Contains(language)));
    }

    /// <summary>For the timeline: why a case went to an agent without some of its skills; null when it has them all.</summary>
    public static string? RelaxedNote(Agent agent, Case @case, QueueOptions options) =>
        AssignmentPolicy.MissingSkills(agent, @case) is { Count: > 0 } missing
            ? $"waited over {options.RelaxAfter} in the queue, so it went to an agent without {string.Join(" and ", missing)}"
            : null;

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
