namespace Quality.Intake.Features.SurveyLinks;

/// <summary>The stored answer to a survey link: <paramref name="SurveyId"/> is its feedback id.</summary>
public sealed record SurveyLinkAnswered(Guid SurveyId, Guid CaseId, string SurveyType, int Score, string Kind);
