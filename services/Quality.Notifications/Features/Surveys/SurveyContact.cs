namespace Quality.Notifications.Features.Surveys;

/// <summary>What Intake tells about the customer behind a feedback item: where to write and in which language.</summary>
public sealed record SurveyContact(string? Email, string? Language, bool Erased);
