namespace Quality.Notifications.Features.Surveys;

/// <summary>An invitation as written: its language, subject and plain-text body.</summary>
public sealed record SurveyEmail(string Language, string Subject, string Body);
