namespace Quality.Notifications.Features.Deliveries;

/// <summary>One try at delivering an alert: the delivery log. Alert, rule and channel are copied so the log is queryable alone.</summary>
public sealed class DeliveryAttempt
{
    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
    public Guid? AlertId { get; init; }
    public Guid? RuleId { get; init; }
    public required string Channel { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public long LatencyMs { get; init; }
    public string? Error { get; init; }

    /// <summary><c>delivered</c>, <c>retry</c> or <c>dead</c>: what the attempt led to; <c>cancelled</c> for the entry (not an attempt) written when its rule was deleted.</summary>
    public required string Outcome { get; init; }

    /// <summary>The log entry for <paramref name="delivery"/> as it stands after its latest attempt (or cancellation).</summary>
    public static DeliveryAttempt For(
        Delivery delivery, DateTimeOffset at, string outcome, string? error, int? statusCode = null, long latencyMs = 0) => new()
    {
        Id = Guid.CreateVersion7(),
        DeliveryId = delivery.Id,
        AlertId = delivery.AlertId,
        RuleId = delivery.RuleId,
        Channel = delivery.Channel,
        Attempt = delivery.Attempts,
        AttemptedAt = at,
        StatusCode = statusCode,
        LatencyMs = latencyMs,
        Error = error,
        Outcome = outcome,
    };
}
