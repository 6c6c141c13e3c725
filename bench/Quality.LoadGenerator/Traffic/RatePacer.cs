namespace Quality.LoadGenerator.Traffic;

/// <summary>
/// Open-loop pacing: the n-th item is due at n / rate seconds after the start, whatever earlier requests took,
/// so a slow system cannot slow the offered load down (no coordinated omission). Items that fall behind are
/// sent at once; the lag is reported.
/// </summary>
public sealed class RatePacer(double itemsPerSecond)
{
    public double ItemsPerSecond { get; } = itemsPerSecond > 0 ? itemsPerSecond : throw new ArgumentOutOfRangeException(nameof(itemsPerSecond));

    /// <summary>When the item numbered <paramref name="itemsSentBefore"/> (0-based) is due, from the start.</summary>
    public TimeSpan DueAt(long itemsSentBefore) => TimeSpan.FromSeconds(itemsSentBefore / ItemsPerSecond);

    /// <summary>How long to wait at <paramref name="elapsed"/> before sending that item; zero when it is due or late.</summary>
    public TimeSpan Wait(long itemsSentBefore, TimeSpan elapsed)
    {
        var wait = DueAt(itemsSentBefore) - elapsed;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
