namespace Quality.Contracts.Intake;

/// <summary>Every stored feedback item, whatever its kind. Carries no contact data: <see cref="CustomerKey"/> is a pseudonym.</summary>
public sealed record FeedbackReceived : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }
    public required string Channel { get; init; }
    public required FeedbackKind Kind { get; init; }
    public required string Category { get; init; }
    public required int Severity { get; init; }
    public required double Sentiment { get; init; }
    public required string Language { get; init; }
    public string? CustomerKey { get; init; }
    public Guid? CaseId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
