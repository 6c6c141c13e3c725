namespace Quality.Scoring.Features.QaReviews;

/// <summary>A review as the HTTP API shows it.</summary>
public sealed record ReviewResponse(
    Guid Id, Guid RubricId, Guid CaseId, string AgentId, string? TeamId, string ReviewerId, Guid? CalibrationId,
    IReadOnlyList<CriterionScore> Scores, double Score, double WeightedScore, bool Failed, double FinalScore, string? Comment,
    DateTimeOffset ReviewedAt, DisputeResponse? Dispute)
{
    public static ReviewResponse From(QaReview r) => new(
        r.Id, r.RubricId, r.CaseId, r.AgentId, r.TeamId, r.ReviewerId, r.CalibrationId, r.Scores, r.Score, r.WeightedScore, r.Failed,
        r.FinalScore, r.Comment, r.ReviewedAt,
        r.DisputedAt is { } at
            ? new DisputeResponse(r.DisputeReason!, at, r.DisputeOutcome?.ToString().ToLowerInvariant(), r.AdjustedScore, r.DecisionNote, r.DecidedBy, r.DecidedAt)
            : null);
}
