using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;

namespace Quality.Intake.Features.Feedback;

/// <summary>
/// Classifies and stores a feedback item and, in the same transaction, the events it raises. Idempotent on
/// (channel, external id), also when two copies race: the unique index decides and the loser answers the
/// winner's id.
/// </summary>
public sealed class FeedbackSubmitter(IntakeDbContext db, FeedbackClassifier classifier, TimeProvider time)
{
    private const int SummaryLength = 200;

    public async Task<SubmitFeedbackResponse> SubmitAsync(string channel, SubmitFeedbackRequest request, CancellationToken cancellationToken)
    {
        if (request.ExternalId is not null && await FindAsync(channel, request.ExternalId, cancellationToken) is { } existing)
        {
            return Answer(existing, duplicate: true);
        }

        var classification = classifier.Classify(request.Text);
        var item = new FeedbackItem
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            ExternalId = request.ExternalId,
            Text = request.Text,
            CustomerKey = request.CustomerId,
            Kind = classification.Kind,
            Category = classification.Category,
            Severity = classification.Severity,
            Sentiment = classification.Sentiment,
            Language = classification.Language,
            Confidence = classification.Confidence,
            Evidence = [.. classification.Evidence],
            ReceivedAt = time.GetUtcNow(),
        };

        db.Feedback.Add(item);
        RaiseEvents(item, request.CustomerTier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var winner = await FindAsync(channel, request.ExternalId!, cancellationToken)
                ?? throw new InvalidOperationException("A unique violation on feedback without a stored original.", e);
            return Answer(winner, duplicate: true);
        }

        return Answer(item, duplicate: false);
    }

    private void RaiseEvents(FeedbackItem item, string? customerTier)
    {
        db.AddToOutbox(new FeedbackReceived
        {
            CorrelationId = item.Id,
            FeedbackId = item.Id,
            Channel = item.Channel,
            Kind = item.Kind,
            Category = item.Category,
            Severity = item.Severity,
            Sentiment = item.Sentiment,
            Language = item.Language,
            CustomerKey = item.CustomerKey,
            ReceivedAt = item.ReceivedAt,
        });

        if (item.Kind == FeedbackKind.Complaint)
        {
            db.AddToOutbox(new ComplaintRaised
            {
                CorrelationId = item.Id,
                FeedbackId = item.Id,
                Channel = item.Channel,
                Category = item.Category,
                Severity = item.Severity,
                Sentiment = item.Sentiment,
                Language = item.Language,
                CustomerKey = item.CustomerKey,
                CustomerTier = customerTier,
                Summary = item.Text.Length <= SummaryLength ? item.Text : item.Text[..SummaryLength],
                ReceivedAt = item.ReceivedAt,
            });
        }
    }

    private Task<FeedbackItem?> FindAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Channel == channel && f.ExternalId == externalId, cancellationToken);

    private static SubmitFeedbackResponse Answer(FeedbackItem item, bool duplicate) =>
        new(item.Id, duplicate, item.Kind, item.Category, item.Severity, item.Sentiment, item.Language);
}
