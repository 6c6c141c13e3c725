using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Every change to a case after it opens. Each runs in one transaction with the case's row locked: the
/// state machine decides, the timeline and the outbox record. A slot freed or a case queued is refilled
/// or routed right after the commit (see <see cref="QueueBackfill"/>).
/// </summary>
public sealed class CaseLifecycle(
    RoutingDbContext db,
    RoutingLocks locks,
    CaseAssigner assigner,
    CaseRecorder recorder,
    SlaClocks sla,
    EscalationLadder ladder,
    QueueBackfill backfill,
    TimeProvider time)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    /// <summary>Assigns or reassigns to a named agent. Skills and presence are the supervisor's call; capacity is not.</summary>
    public Task<Case> AssignAsync(Caller caller, Guid caseId, string agentId, string note, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireId("agent_id", agentId);
        errors.ThrowIfAny();
        return ChangeAsync(caseId, async @case =>
        {
            AccessRules.EnsureCanAssign(caller, @case);
            CaseStateMachine.Next(@case.Status, CaseAction.Assign);
            if (@case.AgentId == agentId)
            {
                return;
            }

            var holder = @case.IsActive ? @case.AgentId : null;
            var agents = await locks.LockAgentsAsync(holder is null ? [agentId] : [agentId, holder], cancellationToken);
            var target = agents.FirstOrDefault(a => a.Id == agentId);
            if (target is null || !caller.CanSee(target.TeamId))
            {
                throw AccessRules.AgentNotFound(agentId);
            }

            if (!AssignmentPolicy.HasRoom(target))
            {
                throw new ConflictException($"Agent '{agentId}' is at capacity ({target.ActiveCases} of {target.Capacity} active cases).");
            }

            var previous = agents.FirstOrDefault(a => a.Id == holder);
            assigner.Give(@case, target, caller.Actor, previous, Blank(note));
            if (previous is not null)
            {
                _afterCommit.Add(ct => backfill.AfterAgentFreedAsync(previous.Id, ct));
            }
        }, cancellationToken);
    }

    public Task<Case> RecordResponseAsync(Caller caller, Guid caseId, string note, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, async @case =>
        {
            AccessRules.EnsureCanWork(caller, @case);
            var from = @case.Status;
            @case.Status = CaseStateMachine.Next(from, CaseAction.Respond);

            var now = time.GetUtcNow();
            var isFirst = @case.FirstRespondedAt is null;
            var since = isFirst ? @case.OpenedAt : @case.AwaitingResponseSince ?? @case.LastRespondedAt ?? @case.OpenedAt;
            // The clock this response answers measured the business time, pauses excluded; a response nobody was
            // waiting for (a second one in a row) is measured from the last one on the case's calendar.
            var responseTime = await sla.RespondedAsync(@case, isFirst, cancellationToken)
                ?? await sla.BusinessTimeAsync(@case, since, now, cancellationToken);
            @case.FirstRespondedAt ??= now;
            @case.LastRespondedAt = now;
            @case.AwaitingResponseSince = null;
            @case.ResponseCount++;

            recorder.Record(@case, caller.Actor, "responded", from, Blank(note) ?? (isFirst ? "first response" : "next response"));
            db.AddToOutbox(new CaseResponded
            {
                CorrelationId = @case.FeedbackId,
                CaseId = @case.Id,
                AgentId = @case.AgentId ?? caller.Actor,
                TeamId = @case.TeamId,
                IsFirstResponse = isFirst,
                ResponseTime = responseTime,
                RespondedAt = now,
            });
        }, cancellationToken);

    /// <summary>pending_customer while waiting on the customer; assigned again when the customer answers.</summary>
    public Task<Case> ChangeStatusAsync(Caller caller, Guid caseId, string status, string reason, CancellationToken cancellationToken)
    {
        var action = status.Trim().ToLowerInvariant() switch
        {
            "pending_customer" => CaseAction.AwaitCustomer,
            "assigned" => CaseAction.CustomerReplied,
            _ => throw new RequestValidationException("status",
                "must be pending_customer or assigned; use AssignCase, ResolveCase, ReopenCase or CloseCase for the other statuses"),
        };
        return ChangeAsync(caseId, async @case =>
        {
            AccessRules.EnsureCanWork(caller, @case);
            var from = @case.Status;
            @case.Status = CaseStateMachine.Next(from, action);
            if (action == CaseAction.CustomerReplied)
            {
                @case.AwaitingResponseSince = time.GetUtcNow();
                await sla.CustomerRepliedAsync(@case, cancellationToken);
            }
            else
            {
                await sla.PauseAsync(@case, Blank(reason) ?? "waiting on the customer", cancellationToken);
            }

            recorder.Record(@case, caller.Actor, "status_changed", from, Blank(reason));
        }, cancellationToken);
    }

    public Task<Case> ResolveAsync(Caller caller, Guid caseId, string note, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, async @case =>
        {
            AccessRules.EnsureCanWork(caller, @case);
            var from = @case.Status;
            var next = CaseStateMachine.Next(from, CaseAction.Resolve);
            var holder = @case.IsActive && @case.AgentId is { } id ? await locks.LockAgentAsync(id, cancellationToken) : null;

            var now = time.GetUtcNow();
            @case.Status = next;
            @case.ResolvedAt = now;
            var (slaMet, resolutionTime) = await sla.ResolvedAsync(@case, cancellationToken);
            await ladder.StopAsync(@case, "resolved", cancellationToken);
            recorder.Record(@case, caller.Actor, "resolved", from, Blank(note));
            db.AddToOutbox(new CaseResolved
            {
                CorrelationId = @case.FeedbackId,
                CaseId = @case.Id,
                FeedbackId = @case.FeedbackId,
                AgentId = @case.AgentId,
                TeamId = @case.TeamId,
                CustomerKey = @case.CustomerKey,
                // Cases opened before SLA clocks existed have none; their wall-clock time is all there is.
                ResolutionTime = resolutionTime ?? now - @case.OpenedAt,
                FirstContactResolution = @case.ResponseCount <= 1 && @case.ReopenCount == 0,
                SlaMet = slaMet,
                ResolvedAt = now,
            });

            if (holder is not null)
            {
                Release(holder);
                _afterCommit.Add(ct => backfill.AfterAgentFreedAsync(holder.Id, ct));
            }
        }, cancellationToken);

    /// <summary>A resolved case goes back to the queue, to its previous agent first if they can take it.</summary>
    public Task<Case> ReopenAsync(Caller caller, Guid caseId, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, async @case =>
        {
            AccessRules.EnsureCanWork(caller, @case);
            var from = @case.Status;
            @case.Status = CaseStateMachine.Next(from, CaseAction.Reopen);
            var previousAgentId = @case.AgentId;
            @case.AgentId = null;
            @case.ResolvedAt = null;
            @case.AwaitingResponseSince = time.GetUtcNow();
            @case.QueuedAt = time.GetUtcNow();
            @case.ReopenCount++;
            await sla.ReopenedAsync(@case, cancellationToken);

            recorder.Record(@case, caller.Actor, "reopened", from, Blank(reason), previousAgentId);
            db.AddToOutbox(new CaseReopened
            {
                CorrelationId = @case.FeedbackId,
                CaseId = @case.Id,
                AgentId = previousAgentId,
                TeamId = @case.TeamId,
                ReopenedBy = caller.Actor,
                Reason = Blank(reason),
            });
            if (await assigner.AssignAutomaticallyAsync(@case, cancellationToken, preferredAgentId: previousAgentId) is null)
            {
                _afterCommit.Add(ct => backfill.AfterCaseQueuedAsync(@case.Id, ct));
            }
        }, cancellationToken);

    public Task<Case> CloseAsync(Caller caller, Guid caseId, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, @case =>
        {
            AccessRules.EnsureCanWork(caller, @case);
            var from = @case.Status;
            @case.Status = CaseStateMachine.Next(from, CaseAction.Close);
            @case.ClosedAt = time.GetUtcNow();
            recorder.Record(@case, caller.Actor, "closed", from, Blank(reason));
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Someone at the escalation's current level or above takes it on; the ladder stops climbing.</summary>
    public Task<Case> AcknowledgeEscalationAsync(Caller caller, Guid caseId, string note, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, @case => ladder.AcknowledgeAsync(caller, @case, Blank(note), cancellationToken), cancellationToken);

    private static void Release(Agent agent) => agent.ActiveCases = Math.Max(0, agent.ActiveCases - 1);

    /// <summary>An optional note or reason: null when empty, cut to what the timeline keeps.</summary>
    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 1000)];

    /// <summary>
    /// Locks the case, applies the change and commits it with its timeline rows and events, or nothing at all;
    /// then refills what the change freed. The answer shows the case as committed.
    /// </summary>
    private async Task<Case> ChangeAsync(Guid caseId, Func<Case, Task> change, CancellationToken cancellationToken)
    {
        _afterCommit.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var @case = await locks.LockCaseAsync(caseId, cancellationToken) ?? throw AccessRules.CaseNotFound(caseId);
            await change(@case);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (_afterCommit.Count == 0)
            {
                await db.Entry(@case).Reference(c => c.Escalation).LoadAsync(cancellationToken);
                return @case;
            }
        }

        foreach (var step in _afterCommit)
        {
            await step(cancellationToken);
        }

        return await db.Cases.AsNoTracking().Include(c => c.Escalation).SingleAsync(c => c.Id == caseId, cancellationToken);
    }
}
