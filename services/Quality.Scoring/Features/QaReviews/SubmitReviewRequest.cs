namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// A review as HTTP and gRPC callers send it. <c>AgentId</c> defaults to the agent the case is assigned to; in a
/// calibration session the session fixes the case, rubric and agent.
/// </summary>
public sealed record SubmitReviewRequest(
    Guid? RubricId, Guid? CaseId, string? AgentId, Guid? CalibrationId, IReadOnlyList<ScoreRequest>? Scores, string? Comment);
