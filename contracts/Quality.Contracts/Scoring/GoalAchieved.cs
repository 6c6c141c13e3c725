namespace Quality.Contracts.Scoring;

/// <summary>The goal's target was met within its period. Published once per goal.</summary>
public sealed record GoalAchieved : IntegrationEvent
{
    public required Guid GoalId { get; init; }
    public required string Metric { get; init; }
    public required GoalScope Scope { get; init; }
    public string? ScopeId { get; init; }
    public required string OwnerId { get; init; }
    public required double Target { get; init; }
    public required double Current { get; init; }
    public double? Forecast { get; init; }
    public required DateTimeOffset Deadline { get; init; }
}
