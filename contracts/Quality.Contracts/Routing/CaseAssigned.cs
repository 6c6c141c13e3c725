namespace Quality.Contracts.Routing;

public sealed record CaseAssigned : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public required string TeamId { get; init; }
    public string? PreviousAgentId { get; init; }

    /// <summary>"system" for automatic routing, otherwise the supervisor who assigned.</summary>
    public required string AssignedBy { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }
}
