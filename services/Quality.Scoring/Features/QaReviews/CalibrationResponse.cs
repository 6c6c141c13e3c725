namespace Quality.Scoring.Features.QaReviews;

/// <summary>A calibration session as the HTTP API shows it: its reviews and their spread.</summary>
public sealed record CalibrationResponse(
    Guid Id, Guid RubricId, Guid CaseId, string AgentId, string? TeamId, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<ReviewResponse> Reviews, IReadOnlyList<Spread> Criteria, Spread Overall)
{
    public static CalibrationResponse From(CalibrationReport report)
    {
        var s = report.Session;
        return new(s.Id, s.RubricId, s.CaseId, s.AgentId, s.TeamId, s.CreatedBy, s.CreatedAt,
            [.. report.Reviews.Select(ReviewResponse.From)], report.Criteria, report.Overall);
    }
}
