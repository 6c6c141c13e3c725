using System.Text.Json;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Reviews;

/// <summary>
/// Stores a review or social post pushed by a configured source. The stars weigh more than the text in the
/// sentiment (they are what the customer chose; the text's reading is the classifier's guess), a rating at
/// or below the source's complaint line is a complaint, and a rating above the middle is never one.
/// </summary>
public sealed class ReviewSubmitter(
    FeedbackSubmitter submitter, FeedbackClassifier classifier, IOptionsMonitor<ReviewSourcesOptions> options, TimeProvider time)
{
    public Task<SubmitFeedbackResponse> SubmitAsync(string source, JsonElement payload, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.ReviewSources.TryGetValue(source, out var mapping))
        {
            throw new NotFoundException($"No review source '{source}' is configured (Intake:ReviewSources:{source}).");
        }

        var fields = ReviewMapper.Map(mapping, payload);
        var name = source.ToLowerInvariant();
        // Sources number their reviews independently, so the source is part of the idempotency key.
        var externalId = $"{name}:{fields.ExternalId}";
        return submitter.SubmitAsync(
            ChannelNames.Review, externalId, () => Build(name, externalId, mapping.RatingScale, fields), customerTier: null, _ => [], cancellationToken);
    }

    private FeedbackItem Build(string source, string externalId, RatingScaleOptions scale, ReviewFields fields)
    {
        var text = fields.Text.Length > 0 ? classifier.Classify(fields.Text) : null;
        var evidence = new List<string>();
        double? ratingSentiment = null;
        if (fields.Rating is { } rating)
        {
            ratingSentiment = Math.Round(2 * (rating - scale.Min) / (scale.Max - scale.Min) - 1, 3);
            evidence.Add($"review:rating:{rating}/{scale.Max}");
        }

        evidence.AddRange(text?.Evidence ?? []);
        var sentiment = ratingSentiment is { } stars ? ChosenSentiment.Blend(stars, text) : text!.Sentiment;

        FeedbackKind kind;
        if (fields.Rating <= scale.ComplaintAtOrBelow)
        {
            kind = FeedbackKind.Complaint;
        }
        else if (ratingSentiment > 0)
        {
            // A good rating is praise unless the text asks or suggests something in so many words.
            kind = text is { Kind: FeedbackKind.Suggestion or FeedbackKind.Inquiry } && SaysKind(text) ? text.Kind : FeedbackKind.Praise;
        }
        else
        {
            // A middling rating (or none): the text decides.
            kind = text?.Kind ?? (sentiment > 0 ? FeedbackKind.Praise : FeedbackKind.Inquiry);
        }

        var severity = kind != FeedbackKind.Complaint ? 1
            : Math.Max(fields.Rating == scale.Min ? 2 : 1, text?.Kind == FeedbackKind.Complaint ? text.Severity : 1);
        if (fields.Language is not null)
        {
            evidence.Add($"language:{fields.Language}:from-source");
        }

        return new FeedbackItem
        {
            Id = Guid.CreateVersion7(),
            Channel = ChannelNames.Review,
            ExternalId = externalId,
            Text = fields.Text,
            Kind = kind,
            Category = text?.Category ?? classifier.DefaultCategory,
            Severity = severity,
            Sentiment = sentiment,
            Language = fields.Language ?? text?.Language ?? "en",
            Confidence = fields.Rating is null ? text!.Confidence : Math.Max(0.9, text?.Confidence ?? 0),
            Evidence = evidence,
            ReceivedAt = time.GetUtcNow(),
            OccurredAt = fields.CreatedAt,
            Source = source,
            Rating = fields.Rating,
            RatingMin = fields.Rating is null ? null : scale.Min,
            RatingMax = fields.Rating is null ? null : scale.Max,
            Contact = CustomerContact.From(null, null, fields.Author),
        };
    }

    private static bool SaysKind(Classification.Classification text)
    {
        var prefix = $"{text.Kind.ToString().ToLowerInvariant()}:";
        return text.Evidence.Any(e => e.StartsWith(prefix, StringComparison.Ordinal));
    }
}
