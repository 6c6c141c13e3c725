using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Reclassification;

/// <summary>One human correction of an item's classification: who, when, why, before and after.</summary>
public sealed class Reclassification
{
    public Guid Id { get; init; }
    public Guid FeedbackId { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public required string Reason { get; init; }
    public FeedbackKind PreviousKind { get; init; }
    public required string PreviousCategory { get; init; }
    public int PreviousSeverity { get; init; }
    public FeedbackKind Kind { get; init; }
    public required string Category { get; init; }
    public int Severity { get; init; }
}
