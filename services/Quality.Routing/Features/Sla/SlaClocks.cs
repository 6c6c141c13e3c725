using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// Runs a case's SLA clocks through its lifecycle: started at opening, paused while waiting on the customer,
/// stopped by the answer they measure, resumed on the customer's reply or a reopening. Each running segment
/// arms durable warning and breach timers; closing a segment deletes them. Every method runs in its caller's
/// transaction with the case's row locked, which is also what the sweeper locks before firing a timer.
/// </summary>
public sealed class SlaClocks(RoutingDbContext db, SlaPolicyDirectory policies, SlaSettingsSource settings, EscalationLadder ladder, TimeProvider time)
{

    /// <summary>Copies the first matching policy's goals onto new clocks; without a policy the clocks only measure, on the default calendar.</summary>
    public async Task StartAsync(Case @case, CancellationToken cancellationToken)
    {
        var policy = await policies.FirstMatchAsync(@case, cancellationToken);
        var goals = policy?.TargetsFor(@case.Priority);
        @case.SlaPolicyId = policy?.Id;
        var why = policy is null ? "no SLA policy matched" : $"policy '{policy.Id}'";
        foreach (var target in SlaTargetNames.All)
        {
            var clock = new SlaClock
            {
                CaseId = @case.Id,
                Target = target,
                Goal = goals?.For(target),
                WarningFraction = policy?.WarningFraction ?? SlaPolicy.DefaultWarningFraction,
                CalendarId = policy?.CalendarId ?? BusinessCalendar.DefaultId,
            };
            db.SlaClocks.Add(clock);
            if (target != SlaTarget.NextResponse)
            {
                clock.Round = 1;
                await RunAsync(@case, clock, @case.OpenedAt, "started", why);
            }
        }
    }

    /// <summary>Stops the clock a response answers; returns the business time it measured, or null when none was running.</summary>
    public async Task<TimeSpan?> RespondedAsync(Case @case, bool isFirst, CancellationToken cancellationToken)
    {
        var clock = (await LoadAsync(@case.Id, cancellationToken))
            .FirstOrDefault(c => c.Target == (isFirst ? SlaTarget.FirstResponse : SlaTarget.NextResponse));
        if (clock is null || clock.State is SlaClockState.Idle or SlaClockState.Stopped)
        {
            return null;
        }

        await CloseAsync(@case, clock, SlaClockState.Stopped, isFirst ? "first response" : "response");
        return clock.Elapsed;
    }

    /// <summary>Waiting on the customer: every running clock pauses, keeping the business time it used.</summary>
    public async Task PauseAsync(Case @case, string reason, CancellationToken cancellationToken)
    {
        foreach (var clock in (await LoadAsync(@case.Id, cancellationToken)).Where(c => c.State == SlaClockState.Running))
        {
            await CloseAsync(@case, clock, SlaClockState.Paused, reason);
        }
    }

    /// <summary>The customer answered: paused clocks resume, and a next-response round starts once the case has had a first response.</summary>
    public async Task CustomerRepliedAsync(Case @case, CancellationToken cancellationToken)
    {
        var clocks = await LoadAsync(@case.Id, cancellationToken);
        foreach (var clock in clocks.Where(c => c.State == SlaClockState.Paused))
        {
            await RunAsync(@case, clock, time.GetUtcNow(), "resumed", "the customer answered");
        }

        await StartNextResponseRoundAsync(@case, clocks);
    }

    /// <summary>Resolution stops every clock; answers whether no goal of the case was ever breached, and the resolution clock's business time.</summary>
    public async Task<(bool Met, TimeSpan? ResolutionTime)> ResolvedAsync(Case @case, CancellationToken cancellationToken)
    {
        var clocks = await LoadAsync(@case.Id, cancellationToken);
        foreach (var clock in clocks.Where(c => c.State is SlaClockState.Running or SlaClockState.Paused))
        {
            await CloseAsync(@case, clock, SlaClockState.Stopped, "resolved");
        }

        return (@case.SlaBreachedAt is null, clocks.FirstOrDefault(c => c.Target == SlaTarget.Resolution)?.Elapsed);
    }

    /// <summary>A reopening resumes the resolution clock with its time kept, and the response clock the customer now waits on.</summary>
    public async Task ReopenedAsync(Case @case, CancellationToken cancellationToken)
    {
        var clocks = await LoadAsync(@case.Id, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var clock in clocks.Where(c => c.State == SlaClockState.Stopped))
        {
            if (clock.Target == SlaTarget.Resolution || (clock.Target == SlaTarget.FirstResponse && @case.FirstRespondedAt is null))
            {
                await RunAsync(@case, clock, now, "resumed", "reopened");
            }
        }

        await StartNextResponseRoundAsync(@case, clocks);
    }

    /// <summary>
    /// The case's priority rose (a repeat complaint): the policy is chosen again as if the case opened now at
    /// that priority, and each clock still measuring takes the new goal, warning fraction and calendar while
    /// keeping the business time it has used. A running clock closes its segment on the old calendar and
    /// continues on the new one, with its deadline worked out from the time left; a clock that has already
    /// used more than its new goal is breached now. Stopped clocks keep the goal they were measured against,
    /// and a breach already announced stays.
    /// </summary>
    public async Task PriorityChangedAsync(Case @case, int before, CancellationToken cancellationToken)
    {
        var policy = await policies.FirstMatchAsync(@case, cancellationToken);
        var goals = policy?.TargetsFor(@case.Priority);
        @case.SlaPolicyId = policy?.Id;
        var why = $"priority {before} → {@case.Priority}, " + (policy is null ? "no SLA policy matches" : $"policy '{policy.Id}'");
        var now = time.GetUtcNow();
        foreach (var clock in await LoadAsync(@case.Id, cancellationToken))
        {
            var goal = goals?.For(clock.Target);
            var fraction = policy?.WarningFraction ?? SlaPolicy.DefaultWarningFraction;
            var calendar = policy?.CalendarId ?? BusinessCalendar.DefaultId;
            if (clock.State == SlaClockState.Stopped || (clock.Goal == goal && clock.WarningFraction == fraction && clock.CalendarId == calendar))
            {
                continue;
            }

            var previous = clock.Goal;
            var running = clock.State == SlaClockState.Running;
            if (running && clock.SegmentStartedAt is { } start)
            {
                clock.Elapsed += (await CalendarAsync(clock.CalendarId)).Between(start, now);
                await DeleteTimersAsync(@case.Id, clock.Target);
            }

            clock.Goal = goal;
            clock.WarningFraction = fraction;
            clock.CalendarId = calendar;
            var change = $"{why}: goal {(previous is { } p ? SlaTargetNames.Minutes(p) : "none")} → {(goal is { } g ? SlaTargetNames.Minutes(g) : "none")} business minutes";
            if (clock.Goal is { } tighter && clock.BreachedAt is null && clock.Elapsed >= tighter && clock.State != SlaClockState.Idle)
            {
                await BreachAsync(@case, clock, now, clock.Elapsed);
            }

            if (running)
            {
                await RunAsync(@case, clock, now, "regoaled", change);
            }
            else if (clock.State == SlaClockState.Paused)
            {
                Record(@case, clock, now, "regoaled", clock.Elapsed, segment: null, $"{change}, {SlaTargetNames.Minutes(clock.Elapsed)} used, paused");
            }
        }
    }

    /// <summary>Fires a due timer the sweeper claimed (timer and case locked); the timer row is removed with it.</summary>
    public async Task FireAsync(Case @case, SlaClock clock, SlaTimer timer, DateTimeOffset now)
    {
        db.SlaTimers.Remove(timer);
        if (clock.State != SlaClockState.Running || clock.Goal is null)
        {
            return;
        }

        var used = await UsedAsync(clock, now);
        if (timer.Kind == SlaTimerKind.Warning && clock.WarnedAt is null)
        {
            Warn(@case, clock, now, used);
        }
        else if (timer.Kind == SlaTimerKind.Breach && clock.BreachedAt is null)
        {
            await BreachAsync(@case, clock, now, used);
        }
    }

    /// <summary>Business time the clock has used by <paramref name="now"/>, the running segment included.</summary>
    public async Task<TimeSpan> UsedAsync(SlaClock clock, DateTimeOffset now) =>
        clock.State == SlaClockState.Running && clock.SegmentStartedAt is { } start
            ? clock.Elapsed + (await CalendarAsync(clock.CalendarId)).Between(start, now)
            : clock.Elapsed;

    /// <summary>Business time between two instants on the case's calendar; wall-clock time for a case opened before SLA clocks existed.</summary>
    public async Task<TimeSpan> BusinessTimeAsync(Case @case, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var calendarId = await db.SlaClocks.Where(c => c.CaseId == @case.Id).Select(c => c.CalendarId).FirstOrDefaultAsync(cancellationToken);
        return calendarId is null ? to - from : (await CalendarAsync(calendarId)).Between(from, to);
    }

    /// <summary>A calendar from the cached settings (see <see cref="SlaSettingsCache"/>); calendars are never deleted, so a clock's is always there.</summary>
    public Task<BusinessTime> CalendarAsync(string calendarId) => settings.CalendarAsync(calendarId, CancellationToken.None);

    private async Task StartNextResponseRoundAsync(Case @case, List<SlaClock> clocks)
    {
        var next = clocks.FirstOrDefault(c => c.Target == SlaTarget.NextResponse);
        if (@case.FirstRespondedAt is null || next is null || next.State is SlaClockState.Running or SlaClockState.Paused)
        {
            return;
        }

        next.Round++;
        next.Elapsed = TimeSpan.Zero;
        next.WarnedAt = null;
        next.BreachedAt = null;
        next.StoppedAt = null;
        await RunAsync(@case, next, time.GetUtcNow(), "started", "the customer wrote");
    }

    private async Task RunAsync(Case @case, SlaClock clock, DateTimeOffset now, string step, string why)
    {
        var calendar = await CalendarAsync(clock.CalendarId);
        clock.State = SlaClockState.Running;
        clock.SegmentStartedAt = now;
        clock.DueAt = null;
        if (clock.Goal is { } goal && clock.BreachedAt is null)
        {
            clock.DueAt = calendar.Add(now, goal - clock.Elapsed);
            db.SlaTimers.Add(new SlaTimer { CaseId = @case.Id, Target = clock.Target, Kind = SlaTimerKind.Breach, DueAt = clock.DueAt.Value });
            if (clock.WarnedAt is null && clock.Elapsed < clock.WarnAfter)
            {
                var warnAt = calendar.Add(now, clock.WarnAfter.Value - clock.Elapsed);
                db.SlaTimers.Add(new SlaTimer { CaseId = @case.Id, Target = clock.Target, Kind = SlaTimerKind.Warning, DueAt = warnAt });
            }
        }

        var detail = clock.Goal is { } g
            ? $"{why}; goal {SlaTargetNames.Minutes(g)} business minutes on calendar '{clock.CalendarId}', {SlaTargetNames.Minutes(clock.Elapsed)} used"
                + (clock.DueAt is { } due ? $", due {due:u}" : ", already breached")
            : $"{why}; measured on calendar '{clock.CalendarId}' without a goal";
        Record(@case, clock, now, step, clock.Elapsed, segment: null, detail);
    }

    private async Task CloseAsync(Case @case, SlaClock clock, SlaClockState state, string why)
    {
        var now = time.GetUtcNow();
        TimeSpan? segment = null;
        if (clock.State == SlaClockState.Running && clock.SegmentStartedAt is { } start)
        {
            segment = (await CalendarAsync(clock.CalendarId)).Between(start, now);
            clock.Elapsed += segment.Value;
        }

        // A deadline passed since the last sweep still counts: the breach is announced now, and only once,
        // because the timer that would have announced it is deleted in this same transaction.
        if (clock.Goal is { } goal && clock.BreachedAt is null && clock.Elapsed > goal)
        {
            await BreachAsync(@case, clock, now, clock.Elapsed);
        }

        await DeleteTimersAsync(@case.Id, clock.Target);
        clock.State = state;
        clock.SegmentStartedAt = null;
        clock.DueAt = null;
        if (state == SlaClockState.Stopped)
        {
            clock.StoppedAt = now;
        }

        var step = state == SlaClockState.Paused ? "paused" : clock.Goal is null ? "stopped" : clock.BreachedAt is null ? "met" : "missed";
        var detail = $"{why}; {SlaTargetNames.Minutes(segment ?? TimeSpan.Zero)} business minutes in this segment, {SlaTargetNames.Minutes(clock.Elapsed)} in all"
            + (clock.Goal is { } g2 ? $" of {SlaTargetNames.Minutes(g2)}" : "");
        Record(@case, clock, now, step, clock.Elapsed, segment, detail);
    }

    private void Warn(Case @case, SlaClock clock, DateTimeOffset now, TimeSpan used)
    {
        clock.WarnedAt = now;
        db.AddToOutbox(new SlaWarning
        {
            CorrelationId = @case.FeedbackId,
            CaseId = @case.Id,
            Target = clock.Target,
            Priority = @case.Priority,
            AgentId = @case.AgentId,
            TeamId = @case.TeamId,
            DueAt = clock.DueAt ?? now,
            ElapsedFraction = Math.Round(used / clock.Goal!.Value, 4),
        });
        Record(@case, clock, now, "warning", used, segment: null,
            $"{SlaTargetNames.Minutes(used)} of {SlaTargetNames.Minutes(clock.Goal.Value)} business minutes used, due {clock.DueAt:u}");
    }

    /// <summary>Announces a missed goal and starts the escalation ladder (a case resolved in this moment does not escalate).</summary>
    private async Task BreachAsync(Case @case, SlaClock clock, DateTimeOffset now, TimeSpan used)
    {
        clock.BreachedAt = now;
        @case.SlaBreachedAt ??= now;
        var due = clock.DueAt ?? now;
        db.AddToOutbox(new SlaBreached
        {
            CorrelationId = @case.FeedbackId,
            CaseId = @case.Id,
            Target = clock.Target,
            Priority = @case.Priority,
            AgentId = @case.AgentId,
            TeamId = @case.TeamId,
            DueAt = due,
            BreachedAt = now,
        });
        Record(@case, clock, now, "breached", used, segment: null,
            $"goal of {SlaTargetNames.Minutes(clock.Goal!.Value)} business minutes passed (due {due:u})");
        await ladder.TriggerAsync(@case, EscalationTrigger.SlaBreach,
            $"{clock.Target.Name()} goal of {SlaTargetNames.Minutes(clock.Goal.Value)} business minutes passed", CancellationToken.None);
    }

    private void Record(Case @case, SlaClock clock, DateTimeOffset at, string step, TimeSpan used, TimeSpan? segment, string detail) =>
        db.SlaTimeline.Add(new SlaTimelineEntry
        {
            CaseId = @case.Id,
            At = at,
            Target = clock.Target,
            Event = step,
            Round = clock.Round,
            Used = used,
            Segment = segment,
            Goal = clock.Goal,
            DueAt = clock.DueAt,
            Detail = detail.Length <= 1000 ? detail : detail[..1000],
        });

    private async Task DeleteTimersAsync(Guid caseId, SlaTarget target)
    {
        // Timers armed earlier in this transaction are still only in memory; the rest are in the table.
        foreach (var armed in db.ChangeTracker.Entries<SlaTimer>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId && e.Entity.Target == target).ToList())
        {
            armed.State = EntityState.Detached;
        }

        await db.SlaTimers.Where(t => t.CaseId == caseId && t.Target == target).ExecuteDeleteAsync();
    }

    /// <summary>
    /// The case's clocks, tracked. A case opened earlier in this transaction (a repeat joining it in the same
    /// batch of complaints) has them only in memory, where a query does not look.
    /// </summary>
    private async Task<List<SlaClock>> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<SlaClock>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId).Select(e => e.Entity).OrderBy(c => c.Target).ToList();
        return added.Count > 0
            ? added
            : await db.SlaClocks.Where(c => c.CaseId == caseId).OrderBy(c => c.Target).ToListAsync(cancellationToken);
    }
}
