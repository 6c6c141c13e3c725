namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// A reviewer's scores for one agent's handling of one case. The agent and team are fixed when the review is made, so
/// the review stays with the agent whose work was reviewed even if the case moves on later.
/// </summary>
public sealed class QaReview
{
    public Guid Id { get; init; }
    public Guid RubricId { get; init; }
    public Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public string? TeamId { get; init; }
    public required string ReviewerId { get; init; }

    /// <summary>Set for a calibration review: it is compared with the others and feeds no KPI.</summary>
    public Guid? CalibrationId { get; init; }

    public required List<CriterionScore> Scores { get; init; }

    /// <summary>0–100 as scored: 0 when a critical criterion failed.</summary>
    public double Score { get; init; }

    /// <summary>The weighted score before a failed critical criterion set it to 0.</summary>
    public double WeightedScore { get; init; }
    public bool Failed { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset ReviewedAt { get; init; }

    public string? DisputeReason { get; set; }
    public DateTimeOffset? DisputedAt { get; set; }
    public DisputeOutcome? DisputeOutcome { get; set; }
    public double? AdjustedScore { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>What the KPI counts: the adjusted score of an overturned review, otherwise the score as reviewed.</summary>
    public double FinalScore => AdjustedScore ?? Score;
}
