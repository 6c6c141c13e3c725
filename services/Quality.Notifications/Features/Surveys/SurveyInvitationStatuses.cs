namespace Quality.Notifications.Features.Surveys;

public static class SurveyInvitationStatuses
{
    /// <summary>Waiting for its due time (or for Intake to answer).</summary>
    public const string Scheduled = "scheduled";

    /// <summary>The email was queued with its link; its delivery shows whether the mail server took it.</summary>
    public const string Sent = "sent";

    /// <summary>Not sent, for the reason recorded.</summary>
    public const string Skipped = "skipped";

    /// <summary>The case was reopened before the invitation went out.</summary>
    public const string Cancelled = "cancelled";
}
