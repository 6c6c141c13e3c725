using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Messaging.Persistence;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Turns a complaint into a case: a repeat from the same customer on the same category joins their
/// unresolved case (raising its priority), anything else opens a new one, announced and routed. Called inside
/// the consumer's inbox transaction, so the case, its assignment and their events commit together or not at all.
/// </summary>
public sealed class CaseOpener(
    RoutingDbContext db,
    RoutingLocks locks,
    CaseAssigner assigner,
    CaseRecorder recorder,
    SlaClocks sla,
    EscalationLadder ladder,
    SlaSettingsSource slaSettings,
    IOptions<RepeatOptions> repeats,
    TimeProvider time)
{
    /// <summary>
    /// Opens (and if it can, assigns) the complaint's case, or joins it to the customer's open case; returns
    /// that case, or null when the complaint was seen before. A case returned still open is queued: once
    /// committed, <see cref="QueueBackfill.AfterCaseQueuedAsync"/> routes it.
    /// </summary>
    public async Task<Case?> OpenAsync(ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        var (seen, candidate) = await LookAsync(complaint, cancellationToken);
        // The inbox stops a redelivered message; this stops the same complaint arriving as a different message.
        if (seen)
        {
            return null;
        }

        if (candidate is { } id && await locks.LockCaseAsync(id, cancellationToken) is { IsUnresolved: true } open)
        {
            await JoinAsync(open, complaint, cancellationToken);
            return open;
        }

        var opened = await StartAsync(complaint, cancellationToken);
        // Not saved yet: the case is inserted, already assigned, by the caller's one SaveChanges, so it costs
        // one batch of writes instead of an insert and then an update. Unsaved and uncommitted alike, the case
        // is invisible to other replicas until commit, so nobody else can lock or assign it meanwhile.
        // No agent can take it: it stays open, queued by priority and opening time until one can.
        await assigner.AssignAutomaticallyAsync(opened, cancellationToken);
        await EscalateAsync(opened, complaint, cancellationToken);
        return opened;
    }

    /// <summary>The advisory lock a customer's complaints on one category take turns on, by whichever path opens them.</summary>
    public static string RepeatLockKey(string customer, string category) => customer + "\n" + category;

    /// <summary>The customer key a complaint can repeat under; null for an anonymous one, which always opens its own case.</summary>
    public static string? CustomerOf(ComplaintRaised complaint) => complaint.CustomerKey is { Length: > 0 } key ? key : null;

    /// <summary>The oldest latest-complaint time a case may have for a complaint arriving now to join it.</summary>
    public DateTimeOffset RepeatWindowStart => time.GetUtcNow() - repeats.Value.Window;

    /// <summary>
    /// What opening needs to know first, in one round trip (a batch of statements, each with its own snapshot
    /// as separate commands would have): whether the feedback id was seen, the SLA settings version (handed to
    /// <see cref="SlaSettingsSource"/>), and for a known customer, after taking their lock, their unresolved
    /// case on this category whose latest complaint is within the window. Two repeats of one customer arriving
    /// together (on any replica) must not open two cases: they take turns on the advisory lock, and the second's
    /// lookup, a later statement, finds the case the first opened. A duplicate takes the lock too; it only waits.
    /// </summary>
    private async Task<(bool Seen, Guid? Candidate)> LookAsync(ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT EXISTS (SELECT 1 FROM case_complaints WHERE feedback_id = $1), (SELECT version FROM sla_settings_version WHERE id = 1)")
        {
            Parameters = { new() { Value = complaint.FeedbackId } },
        });
        var customer = CustomerOf(complaint);
        if (customer is not null)
        {
            // The same statement as BatchOpener's, so both paths take the very same lock.
            batch.BatchCommands.Add(AdvisoryLocks.InKeyOrder([RepeatLockKey(customer, complaint.Category)]));
            // As the partial index on (customer_key, category) is filtered: the unresolved statuses, spelled out.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                SELECT id FROM cases
                WHERE customer_key = $1 AND category = $2 AND last_complaint_at >= $3
                  AND status IN ('Open', 'Assigned', 'PendingCustomer')
                ORDER BY last_complaint_at DESC
                LIMIT 1
                """)
            {
                Parameters = { new() { Value = customer }, new() { Value = complaint.Category }, new() { Value = RepeatWindowStart } },
            });
        }

        return await db.ReadBatchAsync(batch, async (reader, ct) =>
        {
            await reader.ReadAsync(ct);
            var seen = reader.GetBoolean(0);
            slaSettings.Observe(reader.GetInt64(1));
            Guid? candidate = null;
            if (customer is not null)
            {
                await reader.NextResultAsync(ct);
                await reader.NextResultAsync(ct);
                candidate = await reader.ReadAsync(ct) ? reader.GetGuid(0) : null;
            }

            return (seen, candidate);
        }, cancellationToken);
    }

    /// <summary>
    /// Opens the complaint's new case, unsaved and not yet routed: priority, the complaint kept with it,
    /// <see cref="CaseOpened"/>, the timeline and the SLA clocks. The caller routes it, then calls
    /// <see cref="EscalateAsync"/>.
    /// </summary>
    public async Task<Case> StartAsync(ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var opened = new Case
        {
            Id = Guid.CreateVersion7(),
            FeedbackId = complaint.FeedbackId,
            Status = CaseStatus.Open,
            Category = complaint.Category,
            Severity = complaint.Severity,
            Sentiment = complaint.Sentiment,
            Priority = CasePriority.Compute(complaint.Severity, complaint.CustomerTier, complaint.Sentiment),
            Channel = complaint.Channel,
            Language = complaint.Language,
            Summary = complaint.Summary,
            CustomerKey = complaint.CustomerKey,
            CustomerTier = Tier(complaint.CustomerTier),
            OpenedAt = now,
            LastComplaintAt = now,
            QueuedAt = now,
            AwaitingResponseSince = now,
        };
        db.Cases.Add(opened);
        db.CaseComplaints.Add(Record(opened, complaint, now));
        db.AddToOutbox(new CaseOpened
        {
            CorrelationId = complaint.CorrelationId,
            CaseId = opened.Id,
            FeedbackId = opened.FeedbackId,
            Category = opened.Category,
            Priority = opened.Priority,
            Severity = opened.Severity,
            Channel = opened.Channel,
            Language = opened.Language,
            CustomerKey = opened.CustomerKey,
            TeamId = opened.TeamId,
            OpenedAt = opened.OpenedAt,
        });
        recorder.Record(opened, CaseRecorder.System, "opened", from: null, $"priority {opened.Priority}, severity {opened.Severity}");
        await sla.StartAsync(opened, cancellationToken);
        return opened;
    }

    /// <summary>The escalation triggers of a new case's complaint; after routing, so the escalation names the agent who has the case.</summary>
    public Task EscalateAsync(Case opened, ComplaintRaised complaint, CancellationToken cancellationToken) =>
        ladder.ComplainedAsync(opened, complaint.Severity, complaint.Sentiment, complaints: 1, cancellationToken);

    /// <summary>
    /// A repeat joins the locked case: its feedback id is kept with the case, the case's severity, sentiment
    /// and count of complaints take it in, and the priority is worked out again. A higher priority re-chooses
    /// the SLA goals (see <see cref="SlaClocks.PriorityChangedAsync"/>); the complaint may also escalate.
    /// </summary>
    public async Task JoinAsync(Case @case, ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.CaseComplaints.Add(Record(@case, complaint, now));
        @case.ComplaintCount++;
        @case.LastComplaintAt = now;
        @case.Severity = Math.Max(@case.Severity, complaint.Severity);
        @case.Sentiment = Math.Min(@case.Sentiment, complaint.Sentiment);
        recorder.Record(@case, CaseRecorder.System, "complaint_joined", from: null,
            $"repeat complaint {complaint.FeedbackId} ({@case.ComplaintCount} in all), severity {complaint.Severity}, sentiment {complaint.Sentiment:0.##}, channel {complaint.Channel}");

        var priority = CasePriority.Compute(@case.Severity, @case.CustomerTier, @case.Sentiment, @case.ComplaintCount);
        if (priority < @case.Priority)
        {
            var before = @case.Priority;
            @case.Priority = priority;
            recorder.Record(@case, CaseRecorder.System, "priority_raised", from: null, $"priority {before} → {priority} after {@case.ComplaintCount} complaints");
            await sla.PriorityChangedAsync(@case, before, cancellationToken);
        }

        await ladder.ComplainedAsync(@case, complaint.Severity, complaint.Sentiment, @case.ComplaintCount, cancellationToken);
    }

    private static CaseComplaint Record(Case @case, ComplaintRaised complaint, DateTimeOffset now) => new()
    {
        FeedbackId = complaint.FeedbackId,
        CaseId = @case.Id,
        ReceivedAt = complaint.ReceivedAt.ToUniversalTime(),
        RecordedAt = now,
        Severity = complaint.Severity,
        Sentiment = complaint.Sentiment,
        Channel = complaint.Channel[..Math.Min(complaint.Channel.Length, 40)],
    };

    /// <summary>Tiers are matched case-insensitively by policies, so they are kept lower-case, and cut to what the column holds.</summary>
    private static string? Tier(string? tier) =>
        string.IsNullOrWhiteSpace(tier) ? null : tier.Trim().ToLowerInvariant()[..Math.Min(tier.Trim().Length, 60)];
}
