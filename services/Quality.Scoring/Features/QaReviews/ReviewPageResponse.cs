namespace Quality.Scoring.Features.QaReviews;

/// <summary><c>GET /api/qa/reviews</c>: a page of reviews, newest first.</summary>
public sealed record ReviewPageResponse(IReadOnlyList<ReviewResponse> Reviews, int? NextOffset)
{
    public static ReviewPageResponse From(Page<QaReview> page) => new([.. page.Items.Select(ReviewResponse.From)], page.NextOffset);
}
