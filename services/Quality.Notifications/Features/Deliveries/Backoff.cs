namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// Exponential backoff with "equal jitter": after attempt n the wait is half of min(max, base·2ⁿ⁻¹) plus a
/// random part of the other half. Never zero (a failing receiver is not hammered) and never in lockstep
/// (many deliveries that failed together do not all retry together).
/// </summary>
public static class Backoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="random01">A random number in [0, 1).</param>
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random01)
    {
        var exponent = Math.Min(Math.Max(attempt, 1) - 1, 30);
        var capped = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random01);
    }
}
