namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// One alert to POST to one endpoint. Queued in the consumer's inbox transaction; the body is fixed then,
/// so every retry sends (and signs) the same bytes and receivers can deduplicate by its id.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid AlertId { get; init; }
    public Guid RuleId { get; init; }
    public required string Url { get; init; }
    public required string Payload { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>dead</c>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the worker may next try; while a send is in flight, the end of its lease.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}
