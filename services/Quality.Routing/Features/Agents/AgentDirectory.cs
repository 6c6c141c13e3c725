using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Agents;

/// <summary>
/// Agents' skills, capacity and presence. Every change locks the agent's row; right after it commits, the
/// room it may have opened (online, more capacity, new skills) is filled from the queue.
/// </summary>
public sealed class AgentDirectory(RoutingDbContext db, RoutingLocks locks, QueueBackfill backfill, CaseRecorder recorder, TimeProvider time)
{
    public const int MaxPageSize = 200;

    /// <summary>Going offline starts again at most this often when cases keep being given to the agent meanwhile.</summary>
    private const int MaxPresenceAttempts = 5;

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

    /// <summary>
    /// Agents set their own presence; supervisors set their team's. Away keeps every case the agent holds.
    /// Offline also hands back the cases nobody has answered yet: they return to the queue and go to another
    /// agent at once if one can take them, since a customer waiting for a first response should not wait for
    /// this agent to come back. Cases already answered stay, so the conversation keeps its person.
    /// </summary>
    public async Task<Agent> SetPresenceAsync(Caller caller, string agentId, string presence, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireId("agent_id", agentId);
        errors.ThrowIfAny();
        var next = AgentPresenceNames.Parse(presence, "presence");

        List<Case> requeued = [];
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Cases before the agent (see RoutingLocks).
            var unanswered = next == AgentPresence.Offline ? await locks.LockUnansweredCasesOfAsync(agentId, cancellationToken) : [];
            var agent = await locks.LockAgentAsync(agentId, cancellationToken) ?? throw AccessRules.AgentNotFound(agentId);
            if (agent.Id != caller.Subject)
            {
                AccessRules.EnsureCanSee(caller, agent);
                AccessRules.EnsureSupervisor(caller, "set another agent's presence");
            }

            // Nobody can give the agent a case while we hold its row, so this read is final. A case given between
            // our case locks and the agent lock is not locked by us: start again to take it too.
            if (next == AgentPresence.Offline && attempt < MaxPresenceAttempts)
            {
                var held = await UnansweredCaseIdsAsync(agentId, cancellationToken);
                if (held.Except(unanswered.Select(c => c.Id)).Any())
                {
                    // The rows read in this attempt must not answer the next one's locks with stale values.
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            agent.Presence = next;
            agent.UpdatedAt = time.GetUtcNow();
            foreach (var @case in unanswered)
            {
                Requeue(caller, @case, agent);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            requeued = unanswered;
            break;
        }

        // Most urgent first, so when few agents have room the urgent cases get it.
        foreach (var @case in requeued.OrderBy(c => c.Priority).ThenBy(c => c.OpenedAt))
        {
            await backfill.AfterCaseQueuedAsync(@case.Id, cancellationToken);
        }

        return await FillAsync(agentId, cancellationToken);
    }

    private void Requeue(Caller caller, Case @case, Agent agent)
    {
        var from = @case.Status;
        @case.Status = CaseStateMachine.Next(from, CaseAction.Requeue);
        @case.AgentId = null;
        @case.AssignedAt = null;
        @case.QueuedAt = time.GetUtcNow();
        agent.ActiveCases = Math.Max(0, agent.ActiveCases - 1);
        recorder.Record(@case, caller.Actor, "requeued", from,
            $"agent {agent.Id} went offline before a first response; back in the queue", previousAgentId: agent.Id);
    }

    private Task<List<Guid>> UnansweredCaseIdsAsync(string agentId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.Status == CaseStatus.Assigned && c.FirstRespondedAt == null)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

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
