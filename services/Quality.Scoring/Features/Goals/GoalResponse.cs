namespace Quality.Scoring.Features.Goals;

/// <summary>A goal as <c>/api/goals</c> answers it.</summary>
public sealed record GoalResponse(
    Guid Id,
    string Metric,
    string Unit,
    GoalDirection Direction,
    double Target,
    string Scope,
    string? ScopeId,
    string? TeamId,
    string OwnerId,
    DateTimeOffset Start,
    DateTimeOffset Deadline,
    GoalStatus Status,
    GoalProgressResponse? Progress,
    DateTimeOffset? AtRiskNotifiedAt,
    GoalOutcome? Outcome,
    double? FinalValue,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? CancelledAt,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public static GoalResponse From(GoalView view)
    {
        var (goal, progress, status) = view;
        return new GoalResponse(
            goal.Id, goal.Metric, goal.Definition.Unit, goal.Direction, goal.Target, goal.Scope.Name, goal.ScopeId, goal.TeamId, goal.OwnerId,
            goal.StartAt, goal.Deadline, status, progress is null ? null : GoalProgressResponse.Of(goal, progress), goal.AtRiskAt,
            goal.Outcome, goal.FinalValue, goal.DecidedAt, goal.CancelledAt, goal.CreatedBy, goal.CreatedAt);
    }
}
