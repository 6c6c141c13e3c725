namespace Quality.Contracts.Scoring;

/// <summary>The deadline passed with the target not met. Published once per goal.</summary>
public sealed record GoalMissed : IntegrationEvent
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

    /// <summary>at_least or at_most: which side of <see cref="Target"/> meets the goal. Null from older publishers.</summary>
    public string? Direction { get; init; }

    /// <summary>How many items <see cref="Current"/> was computed from; 0 means nothing was measured (Current is then 0).</summary>
    public long SampleCount { get; init; }
}
