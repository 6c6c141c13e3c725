namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// One case's invitation as the API shows it: never an address (Intake keeps those) nor the link (the
/// customer's credential). <see cref="DeliveryStatus"/> says whether the mail server took the email.
/// </summary>
public sealed record SurveyInvitationResponse(
    Guid Id,
    Guid CaseId,
    Guid? FeedbackId,
    string? TeamId,
    string SurveyType,
    string Status,
    string? Reason,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset DueAt,
    int Attempts,
    string? LastError,
    string? Language,
    DateTimeOffset? SentAt,
    DateTimeOffset? ExpiresAt,
    Guid? DeliveryId,
    string? DeliveryStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
