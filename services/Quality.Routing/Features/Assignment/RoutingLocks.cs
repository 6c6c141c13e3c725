using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Teams;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// The row locks that keep replicas from assigning a case twice or overfilling an agent. The rules that
/// keep them deadlock-free: a transaction locks its cases first, then teams, then agents; several cases are
/// locked in one statement in id order, several teams and several agents likewise; and whoever holds an agent
/// never waits for a case or a team (only SKIP LOCKED reads of cases are allowed after an agent is locked).
/// Customers' advisory locks (see <see cref="CaseOpener"/>) come before all of them, several in key order.
/// Rows come back tracked, with their latest committed values.
/// </summary>
public sealed class RoutingLocks(RoutingDbContext db)
{
    private static readonly string Open = nameof(CaseStatus.Open);
    private static readonly string Assigned = nameof(CaseStatus.Assigned);
    private static readonly string Online = nameof(AgentPresence.Online);

    public async Task<Case?> LockCaseAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Cases.FromSql($"SELECT * FROM cases WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>Locks several cases in id order; ids with no case are left out.</summary>
    public async Task<List<Case>> LockCasesAsync(Guid[] ids, CancellationToken cancellationToken) =>
        await db.Cases.FromSql($"SELECT * FROM cases WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);

    /// <summary>Locks several teams for round-robin turns, in id order, as <see cref="LockTeamAsync"/> locks one.</summary>
    public async Task<List<Team>> LockTeamsAsync(string[] ids, CancellationToken cancellationToken) =>
        await db.Teams.FromSql($"SELECT * FROM teams WHERE id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE").ToListAsync(cancellationToken);

    /// <summary>
    /// Locks a team for a round-robin turn: after the cases, before any agent. FOR NO KEY UPDATE, so rows
    /// that refer to the team (an agent or case saved meanwhile) do not wait for it.
    /// </summary>
    public async Task<Team?> LockTeamAsync(string id, CancellationToken cancellationToken) =>
        (await db.Teams.FromSql($"SELECT * FROM teams WHERE id = {id} FOR NO KEY UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    public async Task<Agent?> LockAgentAsync(string id, CancellationToken cancellationToken) =>
        (await db.Agents.FromSql($"SELECT * FROM agents WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>
    /// Locks, in id order, the cases the agent holds that nobody has answered yet (assigned, no first
    /// response); a case answered or moved while we waited drops out. Must run before the agent is locked.
    /// </summary>
    public async Task<List<Case>> LockUnansweredCasesOfAsync(string agentId, CancellationToken cancellationToken) =>
        await db.Cases.FromSql($"""
            SELECT * FROM cases
            WHERE agent_id = {agentId} AND status = {Assigned} AND first_responded_at IS NULL
            ORDER BY id
            FOR UPDATE
            """).ToListAsync(cancellationToken);

    /// <summary>Locks several agents in id order, the one order every transaction uses.</summary>
    public async Task<List<Agent>> LockAgentsAsync(string[] ids, CancellationToken cancellationToken) =>
        await db.Agents.FromSql($"SELECT * FROM agents WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);

    /// <summary>
    /// Locks the first agent of <paramref name="rankedIds"/> that is still online with room, skipping any another
    /// transaction holds. The ranking was made from an unlocked read; an agent being changed elsewhere right
    /// now is passed over rather than waited for, because waiting could leave this transaction holding a
    /// full agent (PostgreSQL keeps the lock on a row that fails its re-check) while it waits for the next.
    /// A case that finds nobody free is queued and looked at again after commit.
    /// </summary>
    public async Task<Agent?> LockFirstAvailableAgentAsync(string[] rankedIds, CancellationToken cancellationToken) =>
        (await db.Agents.FromSql($"""
            SELECT * FROM agents
            WHERE id = ANY({rankedIds}) AND presence = {Online} AND active_cases < capacity
            ORDER BY array_position({rankedIds}, id)
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>
    /// Locks the most urgent queued cases (then oldest) this agent has the skills for, waiting for any another
    /// transaction holds, so a case being looked at elsewhere is not passed over for a less urgent one. The
    /// choice is read first and then locked in id order, an order no later change can make two transactions
    /// disagree on; a case assigned meanwhile drops out. Mirrors <see cref="AssignmentPolicy.HasSkills"/>
    /// (cases queued since <see cref="SkillRelaxation.QueuedBefore"/> may lack the relaxed skills); skills
    /// are stored lower-case. Must run before any agent is locked.
    /// </summary>
    public async Task<List<Case>> LockQueuedCasesForAsync(Agent agent, int limit, SkillRelaxation relax, CancellationToken cancellationToken)
    {
        var categories = agent.Categories.ToArray();
        var languages = agent.Languages.ToArray();
        var channels = agent.Channels.ToArray();
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases
            WHERE status = {Open}
              AND lower(category) = ANY({categories})
              AND (lower(language) = ANY({languages}) OR ({relax.Language} AND queued_at <= {relax.QueuedBefore}))
              AND (cardinality({channels}) = 0 OR lower(channel) = ANY({channels}) OR ({relax.Channel} AND queued_at <= {relax.QueuedBefore}))
            ORDER BY priority, opened_at, id
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var locked = await db.Cases.FromSql($"SELECT * FROM cases WHERE id = ANY({ids.ToArray()}) AND status = {Open} ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        return [.. locked.OrderBy(c => c.Priority).ThenBy(c => c.OpenedAt).ThenBy(c => c.Id)];
    }
}
