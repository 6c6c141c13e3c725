namespace Quality.Scoring.Features.Goals;

/// <summary>A goal with its progress (null before it starts) and where it stands, as both APIs answer it.</summary>
public sealed record GoalView(Goal Goal, GoalProgress? Progress, GoalStatus Status);
