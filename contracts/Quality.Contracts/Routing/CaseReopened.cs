namespace Quality.Contracts.Routing;

public sealed record CaseReopened : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public required string ReopenedBy { get; init; }
    public string? Reason { get; init; }
}
