using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;

namespace Quality.Intake.Features.Feedback;

/// <summary>
/// Classifies and stores a feedback item and, in the same transaction, the events it raises. Idempotent on
/// (channel, external id), also when two copies race: the unique index decides and the loser answers the
/// winner's id. Every channel ends here, so they all behave alike.
/// </summary>
public sealed class FeedbackSubmitter(IntakeDbContext db, FeedbackClassifier classifier, PiiProtector pii, TimeProvider time, OutboxSignal signal)
{
    private const int SummaryLength = 200;

    public Task<SubmitFeedbackResponse> SubmitAsync(string channel, SubmitFeedbackRequest request, CancellationToken cancellationToken)
    {
        pii.ThrowIfRefused(request.Contact());
        return SubmitAsync(channel, request.ExternalId, () => Build(channel, request), request.CustomerTier, _ => [], cancellationToken);
    }

    public FeedbackItem Build(string channel, SubmitFeedbackRequest request) => Build(channel, request, classifier, time);

    /// <summary>The classified item for <paramref name="request"/>, contact data not yet encrypted; no database needed.</summary>
    public static FeedbackItem Build(string channel, SubmitFeedbackRequest request, FeedbackClassifier classifier, TimeProvider time)
    {
        var item = FeedbackItem.Classified(channel, request.ExternalId, request.Text, request.CustomerKey(), classifier.Classify(request.Text), time.GetUtcNow());
        item.Contact = request.Contact();
        return item;
    }

    /// <summary>Stores <paramref name="item"/> with its events and <paramref name="extraEvents"/>, or answers the original.</summary>
    public Task<SubmitFeedbackResponse> SubmitAsync(
        FeedbackItem item, string? customerTier, IReadOnlyList<IntegrationEvent> extraEvents, CancellationToken cancellationToken) =>
        SubmitAsync(item.Channel, item.ExternalId, () => item, customerTier, _ => extraEvents, cancellationToken);

    /// <summary>
    /// Stores the item <paramref name="build"/> makes, or answers the original when (<paramref name="channel"/>,
    /// <paramref name="externalId"/>) was seen before. The item is built (classified) before the unique index is
    /// asked: a look-up first cost every new item a round trip to save a resubmission a classification.
    /// </summary>
    public async Task<SubmitFeedbackResponse> SubmitAsync(
        string channel, string? externalId, Func<FeedbackItem> build, string? customerTier,
        Func<FeedbackItem, IReadOnlyList<IntegrationEvent>> extraEvents, CancellationToken cancellationToken)
    {
        var item = build();

        // One statement when nothing else is waiting in this unit of work and the row has no JSON turns: the
        // common case. Otherwise EF saves the item together with what else is tracked.
        if (item.Turns is null && !db.ChangeTracker.HasChanges())
        {
            Protect(item);
            if (await FeedbackRowInserter.InsertAsync(db, item, [.. Events(item, customerTier).Concat(extraEvents(item))], cancellationToken))
            {
                if (db.Database.CurrentTransaction is null)
                {
                    signal.Notify(); // committed already; inside a transaction the commit interceptor wakes the relay
                }

                return Answer(item, duplicate: false);
            }

            return await WinnerAsync(item, null, cancellationToken);
        }

        Stage(item, customerTier, extraEvents(item));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await WinnerAsync(item, e, cancellationToken);
        }

        return Answer(item, duplicate: false);
    }

    private async Task<SubmitFeedbackResponse> WinnerAsync(FeedbackItem item, Exception? cause, CancellationToken cancellationToken)
    {
        var winner = await FindAsync(item.Channel, item.ExternalId!, cancellationToken)
            ?? throw new InvalidOperationException("A conflict on feedback without a stored original.", cause);
        return Answer(winner, duplicate: true);
    }

    /// <summary>Adds the item and its events to the unit of work without saving (the batch saves many at once).</summary>
    internal void Stage(FeedbackItem item, string? customerTier, IReadOnlyList<IntegrationEvent> extraEvents)
    {
        Protect(item);
        db.Feedback.Add(item);
        foreach (var @event in Events(item, customerTier).Concat(extraEvents))
        {
            db.AddToOutbox(@event);
        }
    }

    private void Protect(FeedbackItem item)
    {
        // Without a key, channels that carry contact data incidentally (an email's sender, a review's
        // author) store none; explicit contact fields were refused before getting here.
        if (item.Contact is { } contact && pii.Enabled)
        {
            pii.Protect(item, contact);
        }
    }

    /// <summary>What storing <paramref name="item"/> publishes: <see cref="FeedbackReceived"/>, and <see cref="ComplaintRaised"/> for a complaint.</summary>
    internal static IEnumerable<IntegrationEvent> Events(FeedbackItem item, string? customerTier)
    {
        yield return new FeedbackReceived
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
            CaseId = item.CaseId,
            ReceivedAt = item.ReceivedAt,
        };

        if (item.Kind == FeedbackKind.Complaint)
        {
            yield return ComplaintRaised(item, customerTier);
        }
    }

    internal static ComplaintRaised ComplaintRaised(FeedbackItem item, string? customerTier) => new()
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
        Summary = Summary(item),
        ReceivedAt = item.ReceivedAt,
    };

    /// <summary>The start of the text; a survey answer without a comment is summarised by its score.</summary>
    private static string Summary(FeedbackItem item) =>
        item.Text.Length == 0 && item.SurveyType is { } type ? $"{type.ToString().ToUpperInvariant()} survey answer: {item.SurveyScore}"
        : item.Text.Length <= SummaryLength ? item.Text
        : item.Text[..SummaryLength];

    internal Task<FeedbackItem?> FindAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Channel == channel && f.ExternalId == externalId, cancellationToken);

    internal static bool IsUniqueViolation(Exception e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    internal static SubmitFeedbackResponse Answer(FeedbackItem item, bool duplicate) =>
        new(item.Id, duplicate, item.Kind, item.Category, item.Severity, item.Sentiment, item.Language);
}
