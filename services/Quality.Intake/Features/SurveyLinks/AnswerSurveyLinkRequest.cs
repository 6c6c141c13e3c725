namespace Quality.Intake.Features.SurveyLinks;

/// <summary>An answer to a survey invitation link from a custom front end; the token is the link's <c>t</c>.</summary>
public sealed record AnswerSurveyLinkRequest(string? Token, int? Score, string? Comment);
