namespace Quality.Scoring.Features.QaReviews;

/// <summary>A calibration session with its reviews so far and their spread, per criterion and overall.</summary>
public sealed record CalibrationReport(
    CalibrationSession Session, IReadOnlyList<QaReview> Reviews, IReadOnlyList<Spread> Criteria, Spread Overall)
{
    public static CalibrationReport Of(CalibrationSession session, Rubric rubric, IReadOnlyList<QaReview> reviews) => new(
        session,
        reviews,
        [.. rubric.Criteria.Select(c => Spread.Of(c.Key, [.. reviews.Select(r => (double)r.Scores.Single(s => s.Key == c.Key).Score)]))],
        Spread.Of("overall", [.. reviews.Select(r => r.Score)]));
}
