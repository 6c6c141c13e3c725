namespace Quality.Scoring.Features.QaReviews;

/// <summary><c>GET /api/qa/rubrics</c>: a page of rubrics, newest first.</summary>
public sealed record RubricPageResponse(IReadOnlyList<Rubric> Rubrics, int? NextOffset)
{
    public static RubricPageResponse From(Page<Rubric> page) => new(page.Items, page.NextOffset);
}
