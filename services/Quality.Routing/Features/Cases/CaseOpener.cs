using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging.Outbox;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Opens one case per complaint, announces it and routes it; called inside the consumer's inbox
/// transaction, so the case, its assignment and their events commit together or not at all.
/// </summary>
public sealed class CaseOpener(RoutingDbContext db, CaseAssigner assigner, CaseRecorder recorder, SlaClocks sla, TimeProvider time)
{
    public async Task OpenAsync(ComplaintRaised complaint, CancellationToken cancellationToken)
    {
        // The inbox stops a redelivered message; this stops the same complaint arriving as a different message.
        if (await db.Cases.AnyAsync(c => c.FeedbackId == complaint.FeedbackId, cancellationToken))
        {
            return;
        }

        var opened = new Case
        {
            Id = Guid.CreateVersion7(),
            FeedbackId = complaint.FeedbackId,
            Status = CaseStatus.Open,
            Category = complaint.Category,
            Severity = complaint.Severity,
            Priority = CasePriority.Compute(complaint.Severity, complaint.CustomerTier, complaint.Sentiment),
            Channel = complaint.Channel,
            Language = complaint.Language,
            Summary = complaint.Summary,
            CustomerKey = complaint.CustomerKey,
            CustomerTier = Tier(complaint.CustomerTier),
            OpenedAt = time.GetUtcNow(),
        };
        opened.AwaitingResponseSince = opened.OpenedAt;
        db.Cases.Add(opened);
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

        // Inserted but not committed, the case is invisible to other replicas and locked by us until commit.
        await db.SaveChangesAsync(cancellationToken);
        // No agent can take it: it stays open, queued by priority and opening time until one can.
        await assigner.AssignAutomaticallyAsync(opened, cancellationToken);
    }

    /// <summary>Tiers are matched case-insensitively by policies, so they are kept lower-case, and cut to what the column holds.</summary>
    private static string? Tier(string? tier) =>
        string.IsNullOrWhiteSpace(tier) ? null : tier.Trim().ToLowerInvariant()[..Math.Min(tier.Trim().Length, 60)];
}
