using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Feedback;

/// <summary>One piece of customer feedback as received and classified.</summary>
public sealed class FeedbackItem
{
    public Guid Id { get; init; }
    public required string Channel { get; init; }

    /// <summary>The source system's id; with <see cref="Channel"/> it makes a resubmission recognisable.</summary>
    public string? ExternalId { get; init; }

    public required string Text { get; init; }
    public string? CustomerKey { get; init; }
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
