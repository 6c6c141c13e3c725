namespace Quality.Contracts.Routing;

public sealed record SlaBreached : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required SlaTarget Target { get; init; }
    public required int Priority { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset BreachedAt { get; init; }
}
