namespace Quality.Notifications.Features.Deliveries;

/// <summary>One attempt in the delivery log; <see cref="Recipient"/> is the address or URL, <see cref="EscalationLevel"/> the alert's level (null for a digest), <see cref="Kind"/> alert, digest or survey (whose recipient is not shown: a customer's address).</summary>
public sealed record DeliveryLogEntry(
    Guid Id,
    Guid DeliveryId,
    Guid? AlertId,
    Guid? RuleId,
    string Channel,
    string? Recipient,
    int Attempt,
    DateTimeOffset AttemptedAt,
    int? StatusCode,
    long LatencyMs,
    string? Error,
    string Outcome,
    string DeliveryStatus,
    int? EscalationLevel,
    string Kind);
