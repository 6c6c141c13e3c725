namespace Quality.Scoring.Features.QaReviews;

/// <summary>The score a reviewer gave one criterion of the rubric.</summary>
public sealed class CriterionScore
{
    public required string Key { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
}
