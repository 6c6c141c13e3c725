using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Noise;

/// <summary>How an email delivery is queued: its status, when it may first be sent, and why not at once.</summary>
public sealed record NoiseDecision(string Status, DateTimeOffset NextAttemptAt, DateTimeOffset? HoldUntil, string? Reason)
{
    public const string QuietHoursReason = "quiet_hours";
    public const string ThrottledReason = "throttled";

    public static NoiseDecision Now(DateTimeOffset now) => new(DeliveryStatuses.Pending, now, null, null);
}
