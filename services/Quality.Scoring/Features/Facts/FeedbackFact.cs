using Quality.Contracts.Intake;

namespace Quality.Scoring.Features.Facts;

/// <summary>One feedback item of any kind, keyed by its id so a re-published event stores nothing new.</summary>
public sealed class FeedbackFact
{
    public Guid FeedbackId { get; init; }
    public FeedbackKind Kind { get; init; }
    public required string Category { get; init; }
    public required string Channel { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
