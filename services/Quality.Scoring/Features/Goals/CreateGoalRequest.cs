namespace Quality.Scoring.Features.Goals;

/// <summary>A new goal as HTTP and gRPC callers send it; everything is checked by <see cref="GoalValidator"/>.</summary>
public sealed record CreateGoalRequest(
    string? Metric,
    double? Target,
    string? Direction,
    string? Scope,
    string? ScopeId,
    string? OwnerId,
    DateTimeOffset? Start,
    DateTimeOffset? Deadline);
