namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// Weighted criteria a case is reviewed against. Rubrics are never edited (a change would silently re-mean every
/// review already scored against them): publish a new one instead.
/// </summary>
public sealed class Rubric
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required List<RubricCriterion> Criteria { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
