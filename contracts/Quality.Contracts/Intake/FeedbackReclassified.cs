namespace Quality.Contracts.Intake;

/// <summary>A person corrected the classifier; the correction becomes training data.</summary>
public sealed record FeedbackReclassified : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }
    public required FeedbackKind PreviousKind { get; init; }
    public required FeedbackKind Kind { get; init; }
    public required string PreviousCategory { get; init; }
    public required string Category { get; init; }
    public required int Severity { get; init; }
    public required string ReclassifiedBy { get; init; }
    public string? Reason { get; init; }
    public int? PreviousSeverity { get; init; }
    public DateTimeOffset? ReclassifiedAt { get; init; }
}
