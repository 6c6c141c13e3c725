namespace Quality.Contracts.Routing;

public sealed record CaseResolved : IntegrationEvent
{
    public required Guid CaseId { get; init; }
    public required Guid FeedbackId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public string? CustomerKey { get; init; }

    /// <summary>Business time from opening to resolution, pauses excluded.</summary>
    public required TimeSpan ResolutionTime { get; init; }

    public required bool FirstContactResolution { get; init; }
    public required bool SlaMet { get; init; }
    public required DateTimeOffset ResolvedAt { get; init; }
}
