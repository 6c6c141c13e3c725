namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// One thing a reviewer scores, 0 to <see cref="MaxScore"/>. Its <see cref="Weight"/> is its share of the review's
/// 0–100 score (a rubric's weights sum to 1). A critical criterion scored below <see cref="PassScore"/> fails the
/// whole review, whatever the other criteria say.
/// </summary>
public sealed class RubricCriterion
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required double Weight { get; init; }
    public required int MaxScore { get; init; }
    public bool Critical { get; init; }

    /// <summary>Critical criteria only: the lowest passing score (default: <see cref="MaxScore"/>).</summary>
    public int? PassScore { get; init; }
}
