using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// The row locks that keep replicas from assigning a case twice or overfilling an agent. The rules that
/// keep them deadlock-free: a transaction locks its case first and agents after; it locks agents in one
/// statement (in id order when there are several); and it takes queued cases only with SKIP LOCKED, so
/// whoever holds an agent never waits for a case. Rows come back tracked, with their latest committed values.
/// </summary>
public sealed class RoutingLocks(RoutingDbContext db)
{
    private static readonly string Open = nameof(CaseStatus.Open);
    private static readonly string Online = nameof(AgentPresence.Online);

    public async Task<Case?> LockCaseAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Cases.FromSql($"SELECT * FROM cases WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>The case if it is still queued and no other transaction holds it; null otherwise, without waiting.</summary>
    public async Task<Case?> TryLockQueuedCaseAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Cases.FromSql($"SELECT * FROM cases WHERE id = {id} AND status = {Open} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken))
        .SingleOrDefault();

    public async Task<Agent?> LockAgentAsync(string id, CancellationToken cancellationToken) =>
        (await db.Agents.FromSql($"SELECT * FROM agents WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>Locks several agents in id order, the one order every transaction uses.</summary>
    public async Task<List<Agent>> LockAgentsAsync(string[] ids, CancellationToken cancellationToken) =>
        await db.Agents.FromSql($"SELECT * FROM agents WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);

    /// <summary>
    /// Locks the first agent of <paramref name="rankedIds"/> that is still online with room. The ranking was
    /// made from an unlocked read; if another replica fills an agent meanwhile, PostgreSQL re-checks the
    /// condition on the row it waited for and moves on to the next one, so only one agent is ever locked.
    /// </summary>
    public async Task<Agent?> LockFirstAvailableAgentAsync(string[] rankedIds, CancellationToken cancellationToken) =>
        (await db.Agents.FromSql($"""
            SELECT * FROM agents
            WHERE id = ANY({rankedIds}) AND presence = {Online} AND active_cases < capacity
            ORDER BY array_position({rankedIds}, id)
            LIMIT 1
            FOR UPDATE
            """).ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>
    /// Queued cases this agent has the skills for, most urgent first then oldest, skipping any another
    /// transaction holds. Mirrors <see cref="AssignmentPolicy.HasSkills"/>; skills are stored lower-case.
    /// </summary>
    public async Task<List<Case>> LockQueuedCasesForAsync(Agent agent, int limit, CancellationToken cancellationToken)
    {
        var categories = agent.Categories.ToArray();
        var languages = agent.Languages.ToArray();
        var channels = agent.Channels.ToArray();
        return await db.Cases.FromSql($"""
            SELECT * FROM cases
            WHERE status = {Open}
              AND lower(category) = ANY({categories})
              AND lower(language) = ANY({languages})
              AND (cardinality({channels}) = 0 OR lower(channel) = ANY({channels}))
            ORDER BY priority, opened_at
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
    }
}
