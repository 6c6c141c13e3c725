namespace Quality.Contracts.Intake;

/// <summary>A complaint (classified, or a negative survey answer) that Routing turns into a case.</summary>
public sealed record ComplaintRaised : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }
    public required string Channel { get; init; }
    public required string Category { get; init; }
    public required int Severity { get; init; }
    public required double Sentiment { get; init; }
    public required string Language { get; init; }
    public string? CustomerKey { get; init; }
    public string? CustomerTier { get; init; }

    /// <summary>The start of the text with contact data masked, for the agent's queue.</summary>
    public required string Summary { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
