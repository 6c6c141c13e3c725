namespace Quality.Contracts.Routing;

public sealed record CaseOpened : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required Guid FeedbackId { get; init; }
    public required string Category { get; init; }
    public required int Priority { get; init; }
    public required int Severity { get; init; }
    public required string Channel { get; init; }
    public required string Language { get; init; }
    public string? CustomerKey { get; init; }
    public string? TeamId { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}
