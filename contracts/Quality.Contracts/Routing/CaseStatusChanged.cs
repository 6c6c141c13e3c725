namespace Quality.Contracts.Routing;

public sealed record CaseStatusChanged : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string ChangedBy { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
}
