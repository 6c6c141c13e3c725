namespace Quality.Scoring.Features.QaReviews;

/// <summary>What a review's criterion scores add up to.</summary>
public sealed record ReviewScore(List<CriterionScore> Scores, double WeightedScore, bool Failed, IReadOnlyList<string> FailedCriteria)
{
    /// <summary>0–100; a failed critical criterion makes it 0.</summary>
    public double Score => Failed ? 0 : WeightedScore;
}
