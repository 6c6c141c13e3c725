namespace Quality.Contracts.Intake;

public sealed record SurveyAnswered : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }
    public required SurveyType SurveyType { get; init; }
    public required int Score { get; init; }
    public Guid? CaseId { get; init; }
    public string? CustomerKey { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
}
