using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Agents;

/// <summary>
/// Agents' skills, capacity and presence. Every change locks the agent's row; right after it commits, the
/// room it may have opened (online, more capacity, new skills) is filled from the queue.
/// </summary>
public sealed class AgentDirectory(RoutingDbContext db, RoutingLocks locks, QueueBackfill backfill, TimeProvider time)
{
    public const int MaxPageSize = 200;

    public async Task<Agent> UpsertAsync(Caller caller, AgentDraft draft, CancellationToken cancellationToken)
    {
        draft.Validate();
        AccessRules.EnsureCanManageTeam(caller, draft.TeamId, "change agents");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Teams.AnyAsync(t => t.Id == draft.TeamId, cancellationToken))
        {
            throw new RequestValidationException("team_id", $"team '{draft.TeamId}' does not exist; create it with UpsertTeam first");
        }

        var agent = await locks.LockAgentAsync(draft.AgentId, cancellationToken);
        if (agent is null)
        {
            agent = new Agent { Id = draft.AgentId, TeamId = draft.TeamId };
            db.Agents.Add(agent);
        }
        else if (!caller.CanSee(agent.TeamId))
        {
            // A supervisor cannot take another team's agent by naming it.
            throw new ForbiddenException($"Agent '{agent.Id}' belongs to team {agent.TeamId}; only its supervisors or a quality manager may change it.");
        }

        agent.TeamId = draft.TeamId;
        agent.DisplayName = draft.DisplayName.Trim();
        agent.Categories = AgentDraft.Normalize(draft.Categories);
        agent.Languages = AgentDraft.Normalize(draft.Languages);
        agent.Channels = AgentDraft.Normalize(draft.Channels);
        // Lowering capacity below the current load is allowed: the agent keeps their cases and gets no new ones until below it.
        agent.Capacity = draft.Capacity!.Value;
        agent.UpdatedAt = time.GetUtcNow();

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await FillAsync(agent.Id, cancellationToken);
    }

    /// <summary>Agents set their own presence; supervisors set their team's.</summary>
    public async Task<Agent> SetPresenceAsync(Caller caller, string agentId, string presence, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireId("agent_id", agentId);
        errors.ThrowIfAny();
        var next = AgentPresenceNames.Parse(presence, "presence");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = await locks.LockAgentAsync(agentId, cancellationToken) ?? throw AccessRules.AgentNotFound(agentId);
        if (agent.Id != caller.Subject)
        {
            AccessRules.EnsureCanSee(caller, agent);
            AccessRules.EnsureSupervisor(caller, "set another agent's presence");
        }

        agent.Presence = next;
        agent.UpdatedAt = time.GetUtcNow();
        // Going away or offline keeps the cases the agent holds; it only stops new ones.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await FillAsync(agent.Id, cancellationToken);
    }

    /// <summary>Fills the room the committed change may have opened, and answers the agent as it is afterwards.</summary>
    private async Task<Agent> FillAsync(string agentId, CancellationToken cancellationToken)
    {
        await backfill.AfterAgentFreedAsync(agentId, cancellationToken);
        return await db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId, cancellationToken);
    }

    public async Task<Agent> GetAsync(Caller caller, string agentId, CancellationToken cancellationToken)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken)
            ?? throw AccessRules.AgentNotFound(agentId);
        AccessRules.EnsureCanSee(caller, agent);
        return agent;
    }

    /// <summary>A page of agents ordered by id; the last id of a page is the token of the next.</summary>
    public async Task<(List<Agent> Agents, string? NextPageToken)> ListAsync(
        Caller caller, string teamId, string presence, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var size = pageSize switch
        {
            0 => 50,
            < 0 or > MaxPageSize => throw new RequestValidationException("page_size", $"must be between 1 and {MaxPageSize}"),
            _ => pageSize,
        };

        var query = db.Agents.AsNoTracking();
        if (caller.Team is { } own)
        {
            query = query.Where(a => a.TeamId == own);
        }

        if (teamId.Length > 0)
        {
            query = query.Where(a => a.TeamId == teamId);
        }

        if (presence.Length > 0)
        {
            var wanted = AgentPresenceNames.Parse(presence, "presence");
            query = query.Where(a => a.Presence == wanted);
        }

        if (pageToken.Length > 0)
        {
            query = query.Where(a => string.Compare(a.Id, pageToken) > 0);
        }

        var page = await query.OrderBy(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        return page.Count > size ? (page[..size], page[size - 1].Id) : (page, null);
    }
}
