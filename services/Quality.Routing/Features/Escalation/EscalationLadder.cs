using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Escalation;

/// <summary>
/// The escalation ladder: a trigger (SLA breach, critical severity, repeated complaints, sharply negative
/// sentiment) starts it, it climbs a level each time a level's delay passes without an acknowledgement, and
/// stops when someone at the current level or above acknowledges, or the case is resolved. Every method runs
/// in its caller's transaction with the case's row locked; each climb writes <see cref="CaseEscalated"/> to
/// the outbox and a row to the case's timeline in that transaction.
/// </summary>
public sealed class EscalationLadder(RoutingDbContext db, CaseRecorder recorder, IOptions<EscalationOptions> options, TimeProvider time)
{
    private List<EscalationLevel> Levels => options.Value.Levels;

    /// <summary>
    /// Starts a round for a locked, unresolved case; a case already climbing keeps its round (the trigger is
    /// noted on its timeline), an acknowledged or stopped one starts a new round from the first level.
    /// </summary>
    public async Task TriggerAsync(Case @case, EscalationTrigger trigger, string reason, CancellationToken cancellationToken)
    {
        if (!@case.IsUnresolved)
        {
            return;
        }

        var now = time.GetUtcNow();
        // A case not saved yet has no escalation row: only one started earlier in this transaction, in memory.
        var escalation = db.Entry(@case).State == EntityState.Added
            ? db.CaseEscalations.Local.FirstOrDefault(e => e.CaseId == @case.Id)
            : await db.CaseEscalations.FindAsync([@case.Id], cancellationToken);
        if (escalation is { State: EscalationState.Climbing })
        {
            recorder.Record(@case, CaseRecorder.System, "escalation_triggered", from: null,
                $"{trigger.Name()}: {reason}; already escalating (round {escalation.Round}, level {escalation.Level})");
            return;
        }

        if (escalation is null)
        {
            escalation = new CaseEscalation { CaseId = @case.Id };
            db.CaseEscalations.Add(escalation);
        }

        escalation.State = EscalationState.Climbing;
        escalation.Level = 0;
        escalation.Role = null;
        escalation.Trigger = trigger;
        escalation.Round++;
        escalation.StartedAt = now;
        escalation.EscalatedAt = null;
        escalation.NextLevelAt = now + Levels[0].Delay;
        escalation.AcknowledgedAt = null;
        escalation.AcknowledgedBy = null;
        escalation.StoppedAt = null;
        @case.Escalation = escalation;
        if (Levels[0].Delay == TimeSpan.Zero)
        {
            Climb(@case, escalation, $"{trigger.Name()}: {reason}");
        }
        else
        {
            recorder.Record(@case, CaseRecorder.System, "escalation_started", from: null,
                $"{trigger.Name()}: {reason}; round {escalation.Round}, level 1 ({Levels[0].Role}) at {escalation.NextLevelAt:u} unless acknowledged");
        }
    }

    /// <summary>
    /// The triggers a complaint can pull on a locked case: critical severity (4), sentiment at or below
    /// <see cref="EscalationOptions.NegativeSentiment"/>, and the case holding <see cref="EscalationOptions.RepeatedComplaints"/> complaints.
    /// </summary>
    public async Task ComplainedAsync(Case @case, int severity, double sentiment, int complaints, CancellationToken cancellationToken)
    {
        if (severity >= 4)
        {
            await TriggerAsync(@case, EscalationTrigger.CriticalSeverity, $"severity {severity}", cancellationToken);
        }

        if (sentiment <= options.Value.NegativeSentiment)
        {
            await TriggerAsync(@case, EscalationTrigger.NegativeSentiment,
                $"sentiment {sentiment:0.##} at or below {options.Value.NegativeSentiment:0.##}", cancellationToken);
        }

        if (complaints >= options.Value.RepeatedComplaints)
        {
            await TriggerAsync(@case, EscalationTrigger.RepeatedComplaints,
                $"{complaints} complaints on the case, {options.Value.RepeatedComplaints} escalate", cancellationToken);
        }
    }

    /// <summary>Climbs the locked escalations whose next level is due, skipping cases other transactions hold; returns how many it claimed.</summary>
    public async Task<int> ClimbDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.CaseEscalations.FromSql($"""
            SELECT e.* FROM case_escalations e
            JOIN cases c ON c.id = e.case_id
            WHERE e.next_level_at <= {now}
            ORDER BY e.next_level_at
            LIMIT {batchSize}
            FOR UPDATE OF e, c SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var caseIds = due.Select(e => e.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var escalation in due)
        {
            ClimbIfDue(cases[escalation.CaseId], escalation);
        }

        return due.Count;
    }

    /// <summary>Climbs one level if the locked case's next level is due; answers whether it climbed.</summary>
    public bool ClimbIfDue(Case @case, CaseEscalation escalation)
    {
        if (escalation.NextLevelAt is not { } due || due > time.GetUtcNow())
        {
            return false;
        }

        if (escalation.State != EscalationState.Climbing || !@case.IsUnresolved || escalation.Level >= Levels.Count)
        {
            // Nothing left to climb (the ladder may have been shortened since): it waits at its level.
            escalation.NextLevelAt = null;
            return false;
        }

        Climb(@case, escalation, escalation.Level == 0
            ? $"{escalation.Trigger.Name()} at {escalation.StartedAt:u}, not acknowledged since"
            : $"not acknowledged at level {escalation.Level} ({escalation.Role}) since {escalation.EscalatedAt:u}");
        return true;
    }

    /// <summary>
    /// Someone at the current level or above takes the escalation on: the climbing stops. An agent may
    /// acknowledge only their own case; a supervisor only their team's (a case they cannot see is missing).
    /// </summary>
    public async Task AcknowledgeAsync(Caller caller, Case @case, string? note, CancellationToken cancellationToken)
    {
        AccessRules.EnsureCanRead(caller, @case);
        // A case not saved yet has no escalation row: only one started earlier in this transaction, in memory.
        var escalation = db.Entry(@case).State == EntityState.Added
            ? db.CaseEscalations.Local.FirstOrDefault(e => e.CaseId == @case.Id)
            : await db.CaseEscalations.FindAsync([@case.Id], cancellationToken);
        if (escalation is not { State: EscalationState.Climbing })
        {
            throw new ConflictException(escalation is { State: EscalationState.Acknowledged }
                ? $"The escalation of case {@case.Id} was already acknowledged by {escalation.AcknowledgedBy} at {escalation.AcknowledgedAt:u}."
                : $"Case {@case.Id} is not escalated.");
        }

        var role = escalation.Role ?? Levels[0].Role;
        if (caller.Seniority < RoleRanks.Of(role))
        {
            throw new ForbiddenException(
                $"Case {@case.Id} is escalated to level {Math.Max(escalation.Level, 1)} ({role}); only a {role} or someone more senior may acknowledge it.");
        }

        if (!caller.IsSupervisorOrAbove && @case.AgentId != caller.Subject)
        {
            throw new ForbiddenException($"Agents acknowledge only their own cases; case {@case.Id} is not assigned to {caller.Subject}.");
        }

        var now = time.GetUtcNow();
        escalation.State = EscalationState.Acknowledged;
        escalation.AcknowledgedAt = now;
        escalation.AcknowledgedBy = caller.Actor;
        escalation.NextLevelAt = null;
        @case.Escalation = escalation;
        recorder.Record(@case, caller.Actor, "escalation_acknowledged", from: null,
            $"level {escalation.Level} ({role}), round {escalation.Round}" + (note is null ? "" : $": {note}"));
    }

    /// <summary>A resolved or closed case stops climbing; its history stays.</summary>
    public async Task StopAsync(Case @case, string why, CancellationToken cancellationToken)
    {
        // A case not saved yet has no escalation row: only one started earlier in this transaction, in memory.
        var escalation = db.Entry(@case).State == EntityState.Added
            ? db.CaseEscalations.Local.FirstOrDefault(e => e.CaseId == @case.Id)
            : await db.CaseEscalations.FindAsync([@case.Id], cancellationToken);
        if (escalation is not { State: EscalationState.Climbing })
        {
            return;
        }

        escalation.State = EscalationState.Stopped;
        escalation.StoppedAt = time.GetUtcNow();
        escalation.NextLevelAt = null;
        recorder.Record(@case, CaseRecorder.System, "escalation_stopped", from: null, $"{why} at level {escalation.Level}");
    }

    private void Climb(Case @case, CaseEscalation escalation, string why)
    {
        var now = time.GetUtcNow();
        escalation.Level++;
        var level = Levels[escalation.Level - 1];
        escalation.Role = level.Role;
        escalation.EscalatedAt = now;
        escalation.NextLevelAt = escalation.Level < Levels.Count ? now + Levels[escalation.Level].Delay : null;
        var trigger = escalation.Level == 1 ? escalation.Trigger : EscalationTrigger.NotAcknowledged;
        db.AddToOutbox(new CaseEscalated
        {
            CorrelationId = @case.FeedbackId,
            CaseId = @case.Id,
            Level = escalation.Level,
            Role = level.Role,
            Trigger = trigger,
            Priority = @case.Priority,
            AgentId = @case.AgentId,
            TeamId = @case.TeamId,
            StartedBy = escalation.Trigger,
            NextLevelAt = escalation.NextLevelAt,
        });
        var next = escalation.NextLevelAt is { } at ? $"; level {escalation.Level + 1} ({Levels[escalation.Level].Role}) at {at:u} unless acknowledged" : "; top of the ladder";
        recorder.Record(@case, CaseRecorder.System, "escalated", from: null, $"level {escalation.Level} ({level.Role}), round {escalation.Round}: {why}{next}");
    }
}
