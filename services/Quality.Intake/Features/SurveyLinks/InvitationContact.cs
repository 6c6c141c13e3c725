namespace Quality.Intake.Features.SurveyLinks;

/// <param name="Email">In clear; null when the feedback carried none, or the customer was erased.</param>
/// <param name="Language">"zh" or "en".</param>
public sealed record InvitationContact(string? Email, string Language, bool Erased);
