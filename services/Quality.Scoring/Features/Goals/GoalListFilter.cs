namespace Quality.Scoring.Features.Goals;

/// <summary>
/// What <c>GET /api/goals</c> and <c>ListGoals</c> filter on. <see cref="State"/>: <c>open</c> (default: neither decided
/// nor cancelled), <c>decided</c>, <c>cancelled</c> or <c>all</c>.
/// </summary>
public sealed record GoalListFilter(string? Scope, string? ScopeId, string? OwnerId, string? State, int Limit);
