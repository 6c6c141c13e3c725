using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
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
        // The inbox stops a redelivered message; this stops the same complaint arriving as a different message.
        if (await db.CaseComplaints.AnyAsync(c => c.FeedbackId == complaint.FeedbackId, cancellationToken))
        {
            return null;
        }

        if (complaint.CustomerKey is { Length: > 0 } customer)
        {
            // Two repeats of one customer arriving together (on any replica) must not open two cases: they
            // take turns here, and the second finds the case the first opened.
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({customer + "\n" + complaint.Category}, 0))", cancellationToken);
            if (await OpenCaseOfAsync(customer, complaint.Category, cancellationToken) is { } open)
            {
                await JoinAsync(open, complaint, cancellationToken);
                return open;
            }
        }

        return await OpenNewAsync(complaint, cancellationToken);
    }

    private async Task<Case> OpenNewAsync(ComplaintRaised complaint, CancellationToken cancellationToken)
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

        // Not saved yet: the case is inserted, already assigned, by the caller's one SaveChanges, so it costs
        // one batch of writes instead of an insert and then an update. Unsaved and uncommitted alike, the case
        // is invisible to other replicas until commit, so nobody else can lock or assign it meanwhile.
        // No agent can take it: it stays open, queued by priority and opening time until one can.
        await assigner.AssignAutomaticallyAsync(opened, cancellationToken);
        // After routing, so the escalation names the agent who has the case.
        await ladder.ComplainedAsync(opened, complaint.Severity, complaint.Sentiment, complaints: 1, cancellationToken);
        return opened;
    }

    /// <summary>
    /// The customer's unresolved case on this category whose latest complaint is within the window, locked;
    /// null when there is none (or it was resolved while we waited for its lock).
    /// </summary>
    private async Task<Case?> OpenCaseOfAsync(string customer, string category, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - repeats.Value.Window;
        var candidate = await db.Cases.AsNoTracking()
            .Where(c => c.CustomerKey == customer && c.Category == category && c.LastComplaintAt >= since
                && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.PendingCustomer))
            .OrderByDescending(c => c.LastComplaintAt)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is not { } id)
        {
            return null;
        }

        var locked = await locks.LockCaseAsync(id, cancellationToken);
        return locked is { IsUnresolved: true } ? locked : null;
    }

    /// <summary>
    /// A repeat joins the locked case: its feedback id is kept with the case, the case's severity, sentiment
    /// and count of complaints take it in, and the priority is worked out again. A higher priority re-chooses
    /// the SLA goals (see <see cref="SlaClocks.PriorityChangedAsync"/>); the complaint may also escalate.
    /// </summary>
    private async Task JoinAsync(Case @case, ComplaintRaised complaint, CancellationToken cancellationToken)
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
