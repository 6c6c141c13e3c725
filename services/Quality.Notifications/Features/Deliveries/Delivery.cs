namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// One alert to send to one recipient on one channel: a webhook endpoint or an email address. Queued in the
/// consumer's inbox transaction; the content is fixed then, so every retry sends the same bytes and
/// receivers can deduplicate by its id.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; init; }

    /// <summary>The alert sent; null for a digest, which carries several (see <see cref="DigestId"/>).</summary>
    public Guid? AlertId { get; init; }

    /// <summary>The rule that queued it; null for a digest.</summary>
    public Guid? RuleId { get; init; }

    /// <summary><c>alert</c>, <c>digest</c> or <c>survey</c>.</summary>
    public string Kind { get; init; } = DeliveryKinds.Alert;

    /// <summary><c>webhook</c> or <c>email</c>.</summary>
    public string Channel { get; init; } = "webhook";

    /// <summary>The webhook endpoint; null for email.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The receiver a webhook goes to: the URL's lower-cased <c>scheme://authority</c>, computed by the database
    /// from <see cref="Url"/> so every writer agrees. In-flight caps and the circuit breaker are per endpoint.
    /// </summary>
    public string? Endpoint { get; private set; }

    /// <summary>The email address; null for webhooks, and for a survey invitation once settled (a customer's address is not kept).</summary>
    public string? Recipient { get; set; }

    /// <summary>The email subject; null for webhooks.</summary>
    public string? Subject { get; init; }

    /// <summary>The webhook's JSON body, or the email's plain-text body ("" for a settled survey invitation, whose link is a credential).</summary>
    public required string Payload { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>dead</c>; <c>held</c> while throttled, then <c>digested</c>; <c>cancelled</c> when its rule was deleted first.</summary>
    public required string Status { get; set; }

    /// <summary>Why it was not sent at once: <c>quiet_hours</c> (deferred) or <c>throttled</c> (held for a digest).</summary>
    public string? Reason { get; init; }

    /// <summary>For a held delivery, when its recipient's digest is due.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>For a digested delivery, the digest delivery that carried it.</summary>
    public Guid? DigestId { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the worker may next try; while a send is in flight, the end of its lease.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While a send is in flight, the end of its lease (null otherwise): what the per-endpoint in-flight cap counts.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}
