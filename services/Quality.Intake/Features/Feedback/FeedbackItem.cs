using Quality.Contracts.Intake;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Transcripts;

namespace Quality.Intake.Features.Feedback;

/// <summary>One piece of customer feedback as received and classified.</summary>
public sealed class FeedbackItem
{
    public Guid Id { get; init; }
    public required string Channel { get; init; }

    /// <summary>The source system's id; with <see cref="Channel"/> it makes a resubmission recognisable.</summary>
    public string? ExternalId { get; init; }

    public required string Text { get; set; }
    public string? CustomerKey { get; set; }
    public FeedbackKind Kind { get; set; }
    public required string Category { get; set; }
    public int Severity { get; set; }
    public double Sentiment { get; set; }
    public required string Language { get; set; }
    public double Confidence { get; set; }
    public List<string> Evidence { get; set; } = [];
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The Routing case a survey answer is about, when the survey was sent after one.</summary>
    public Guid? CaseId { get; init; }

    public SurveyType? SurveyType { get; init; }
    public int? SurveyScore { get; init; }

    /// <summary>An email's subject; the text holds subject and body, as they were classified.</summary>
    public string? Subject { get; set; }

    /// <summary>Calls and chats: every turn as said; <see cref="Text"/> holds the customer's turns, as they were classified.</summary>
    public List<TranscriptTurn>? Turns { get; set; }

    /// <summary>When the customer said it, per the source (a call's first turn, a review's date); null when unknown.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>Reviews: the configured source that pushed it (<c>Intake:ReviewSources:{name}</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Reviews: the rating as the source gave it, on its own scale <see cref="RatingMin"/>–<see cref="RatingMax"/>.</summary>
    public double? Rating { get; init; }

    public double? RatingMin { get; init; }
    public double? RatingMax { get; init; }

    /// <summary>Contact data, AES-GCM encrypted under <see cref="PiiKeyId"/>; null when not given or erased.</summary>
    public byte[]? CustomerEmail { get; set; }

    public byte[]? CustomerPhone { get; set; }
    public byte[]? CustomerName { get; set; }
    public string? PiiKeyId { get; set; }

    /// <summary>HMAC of the normalised email / phone: finds a customer's items without decrypting.</summary>
    public byte[]? EmailLookup { get; set; }

    public byte[]? PhoneLookup { get; set; }

    /// <summary>When the customer's data was erased on request; the classification stays for KPIs.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Contact data as received, encrypted onto the columns above when the item is stored; never mapped.</summary>
    public CustomerContact? Contact { get; set; }

    public static FeedbackItem Classified(
        string channel, string? externalId, string text, string? customerKey, Classification.Classification classification, DateTimeOffset receivedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        Channel = channel,
        ExternalId = externalId,
        Text = text,
        CustomerKey = customerKey,
        Kind = classification.Kind,
        Category = classification.Category,
        Severity = classification.Severity,
        Sentiment = classification.Sentiment,
        Language = classification.Language,
        Confidence = classification.Confidence,
        Evidence = [.. classification.Evidence],
        ReceivedAt = receivedAt,
    };
}
