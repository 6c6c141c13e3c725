namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// The survey invitation of one case, and at most one per case ever: the row also remembers a case that was
/// reopened, or skipped, so a later resolution of it invites nobody. It holds no contact data (Intake is
/// asked for the address when the invitation is due) and no link (minted when sent).
/// </summary>
public sealed class SurveyInvitation
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }

    /// <summary>The feedback behind the case, by which Intake finds the customer; null when only a reopening was seen.</summary>
    public Guid? FeedbackId { get; set; }

    /// <summary>The customer's pseudonym from the event (never an address); the cooldown's key.</summary>
    public string? CustomerKey { get; set; }

    public string? TeamId { get; set; }

    /// <summary><c>csat</c>, <c>nps</c> or <c>ces</c>.</summary>
    public required string SurveyType { get; set; }

    /// <summary>See <see cref="SurveyInvitationStatuses"/>.</summary>
    public required string Status { get; set; }

    /// <summary>Why it was skipped or cancelled (<see cref="SurveySkipReasons"/>).</summary>
    public string? Reason { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>When it is (next) to be sent: the resolution plus the delay, later while Intake is unreachable.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Failed tries at reaching Intake.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The language the email was written in (<c>zh</c> or <c>en</c>).</summary>
    public string? Language { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The email delivery that carries the link; its attempts are in the delivery log.</summary>
    public Guid? DeliveryId { get; set; }

    public Guid SourceEventId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
