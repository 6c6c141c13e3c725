using Google.Protobuf.WellKnownTypes;
using Quality.ServiceDefaults.Errors;
using Qa = Quality.Scoring.Features.QaReviews;

namespace Quality.Scoring.Grpc;

/// <summary>
/// QA reviews to and from their gRPC messages. Errors name fields as the HTTP API does (<c>rubricId</c>), which is
/// also the proto fields' JSON name.
/// </summary>
internal static class QaMessages
{
    /// <summary>A required id: empty or not a UUID is INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static Guid ParseId(string value, string field, string what) =>
        OptionalId(value, field, what) ?? throw new RequestValidationException(field, $"the {what} id is required");

    /// <summary>An optional id: empty is null.</summary>
    public static Guid? OptionalId(string value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new RequestValidationException(field, $"'{value}' is not a {what} id");

    public static Qa.CreateRubricRequest ToRequest(CreateRubricRequest request) => new(
        request.Name,
        [.. request.Criteria.Select(c => new Qa.CriterionRequest(c.Key, Blank(c.Name), c.Weight, c.MaxScore, c.Critical, c.PassScore))]);

    public static Qa.SubmitReviewRequest ToRequest(SubmitReviewRequest request) => new(
        OptionalId(request.RubricId, "rubricId", "rubric"),
        OptionalId(request.CaseId, "caseId", "case"),
        Blank(request.AgentId),
        OptionalId(request.CalibrationId, "calibrationId", "calibration session"),
        [.. request.Scores.Select(s => new Qa.ScoreRequest(s.Key, s.Score, Blank(s.Comment)))],
        Blank(request.Comment));

    public static Qa.DecideDisputeRequest ToRequest(DecideDisputeRequest request) => new(request.Outcome, request.AdjustedScore, Blank(request.Note));

    public static Qa.CreateCalibrationRequest ToRequest(CreateCalibrationRequest request) => new(
        OptionalId(request.RubricId, "rubricId", "rubric"), OptionalId(request.CaseId, "caseId", "case"), Blank(request.AgentId));

    public static Qa.ReviewListFilter ToFilter(ListReviewsRequest request) =>
        new(Blank(request.AgentId), OptionalId(request.CaseId, "caseId", "case"), request.Limit, request.Offset);

    public static RubricReport ToReport(Qa.Rubric rubric)
    {
        var report = new RubricReport
        {
            Id = rubric.Id.ToString(), Name = rubric.Name, CreatedBy = rubric.CreatedBy, CreatedAt = Timestamp.FromDateTimeOffset(rubric.CreatedAt),
        };
        report.Criteria.Add(rubric.Criteria.Select(c => new CriterionInput
        {
            Key = c.Key, Name = c.Name, Weight = c.Weight, MaxScore = c.MaxScore, Critical = c.Critical, PassScore = c.PassScore,
        }));
        return report;
    }

    public static ReviewReport ToReport(Qa.QaReview review)
    {
        var report = new ReviewReport
        {
            Id = review.Id.ToString(),
            RubricId = review.RubricId.ToString(),
            CaseId = review.CaseId.ToString(),
            AgentId = review.AgentId,
            TeamId = review.TeamId ?? "",
            ReviewerId = review.ReviewerId,
            CalibrationId = review.CalibrationId?.ToString() ?? "",
            Score = review.Score,
            WeightedScore = review.WeightedScore,
            Failed = review.Failed,
            FinalScore = review.FinalScore,
            Comment = review.Comment ?? "",
            ReviewedAt = Timestamp.FromDateTimeOffset(review.ReviewedAt),
        };
        report.Scores.Add(review.Scores.Select(s => new CriterionScoreReport { Key = s.Key, Score = s.Score, Comment = s.Comment ?? "" }));
        if (review.DisputedAt is { } disputedAt)
        {
            report.Dispute = new DisputeReport
            {
                Reason = review.DisputeReason ?? "",
                DisputedAt = Timestamp.FromDateTimeOffset(disputedAt),
                Outcome = review.DisputeOutcome?.ToString().ToLowerInvariant() ?? "",
                AdjustedScore = review.AdjustedScore,
                Note = review.DecisionNote ?? "",
                DecidedBy = review.DecidedBy ?? "",
                DecidedAt = review.DecidedAt is { } decidedAt ? Timestamp.FromDateTimeOffset(decidedAt) : null,
            };
        }

        return report;
    }

    public static CalibrationSessionReport ToReport(Qa.CalibrationReport calibration)
    {
        var session = calibration.Session;
        var report = new CalibrationSessionReport
        {
            Id = session.Id.ToString(),
            RubricId = session.RubricId.ToString(),
            CaseId = session.CaseId.ToString(),
            AgentId = session.AgentId,
            TeamId = session.TeamId ?? "",
            CreatedBy = session.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(session.CreatedAt),
            Overall = ToReport(calibration.Overall),
        };
        report.Reviews.Add(calibration.Reviews.Select(ToReport));
        report.Criteria.Add(calibration.Criteria.Select(ToReport));
        return report;
    }

    private static SpreadReport ToReport(Qa.Spread spread) => new()
    {
        Key = spread.Key, Count = spread.Count, Min = spread.Min, Max = spread.Max, Mean = spread.Mean, StandardDeviation = spread.StandardDeviation,
    };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
