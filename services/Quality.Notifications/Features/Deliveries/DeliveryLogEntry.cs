namespace Quality.Notifications.Features.Deliveries;

public sealed record DeliveryLogEntry(
    Guid Id,
    Guid DeliveryId,
    Guid? AlertId,
    Guid? RuleId,
    string Channel,
    int Attempt,
    DateTimeOffset AttemptedAt,
    int? StatusCode,
    long LatencyMs,
    string? Error,
    string Outcome,
    string DeliveryStatus);
