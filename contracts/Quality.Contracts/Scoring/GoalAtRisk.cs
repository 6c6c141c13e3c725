namespace Quality.Contracts.Scoring;

/// <summary>The forecast says the goal will not be met by its deadline. Published once per goal.</summary>
public sealed record GoalAtRisk : IntegrationEvent
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
