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
}
