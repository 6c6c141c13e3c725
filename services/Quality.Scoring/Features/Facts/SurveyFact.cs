using Quality.Contracts.Intake;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// One survey answer. Keyed by feedback id and survey type rather than event id: a customer's answer is one
/// fact however many times (and under however many event ids) it is announced.
/// </summary>
public sealed class SurveyFact
{
    public Guid FeedbackId { get; init; }
    public SurveyType SurveyType { get; init; }
    public int Score { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }
}
