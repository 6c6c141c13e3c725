using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Noise;

/// <summary>
/// The rules, without storage: a critical alert always goes at once (it counts against the throttle but is
/// never held or deferred); otherwise an address over its window's limit is held for the window's digest,
/// and one inside its quiet hours (ending at <c>quietUntil</c>, whether a fixed period or a closed business
/// calendar) is deferred to their end.
/// </summary>
public static class NoisePolicy
{
    public static NoiseDecision Decide(DateTimeOffset now, bool critical, int sentInWindow, NoiseOptions options, DateTimeOffset? quietUntil)
    {
        if (critical)
        {
            return NoiseDecision.Now(now);
        }

        if (sentInWindow >= options.ThrottleLimit)
        {
            var windowEnd = WindowStart(now, options.ThrottleWindow) + options.ThrottleWindow;
            return new NoiseDecision(DeliveryStatuses.Held, windowEnd, windowEnd, NoiseDecision.ThrottledReason);
        }

        return quietUntil is { } end && end > now
            ? new NoiseDecision(DeliveryStatuses.Pending, end, null, NoiseDecision.QuietHoursReason)
            : NoiseDecision.Now(now);
    }

    /// <summary>The start of the fixed window <paramref name="now"/> is in, aligned to the Unix epoch.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - ticks % window.Ticks);
    }
}
