using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.QaReviews;

namespace Quality.Scoring.Features.Kpis;

/// <summary>The facts a KPI computation reads; loaded from PostgreSQL or built by hand in tests.</summary>
public sealed record KpiFacts
{
    public IReadOnlyList<CaseFact> Cases { get; init; } = [];
    public IReadOnlyList<CaseAssignmentFact> Assignments { get; init; } = [];
    public IReadOnlyList<CaseResponseFact> Responses { get; init; } = [];
    public IReadOnlyList<CaseResolutionFact> Resolutions { get; init; } = [];
    public IReadOnlyList<CaseReopenFact> Reopens { get; init; } = [];
    public IReadOnlyList<FeedbackFact> Feedback { get; init; } = [];
    public IReadOnlyList<SurveyFact> Surveys { get; init; } = [];

    /// <summary>QA reviews that count (no calibration reviews).</summary>
    public IReadOnlyList<QaReview> Reviews { get; init; } = [];

    /// <summary>How many facts this holds, of every kind.</summary>
    public int Count =>
        Cases.Count + Assignments.Count + Responses.Count + Resolutions.Count + Reopens.Count + Feedback.Count + Surveys.Count + Reviews.Count;
}
