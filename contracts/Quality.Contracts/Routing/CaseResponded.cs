namespace Quality.Contracts.Routing;

public sealed record CaseResponded : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public string? TeamId { get; init; }
    public required bool IsFirstResponse { get; init; }

    /// <summary>Business time since the case opened (first response) or since the customer last wrote.</summary>
    public required TimeSpan ResponseTime { get; init; }

    public required DateTimeOffset RespondedAt { get; init; }
}
