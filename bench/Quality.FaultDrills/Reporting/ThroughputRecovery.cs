namespace Quality.FaultDrills.Reporting;

/// <summary>When the accepted rate was back to 90 % of the offered rate after a kill.</summary>
public static class ThroughputRecovery
{
    public const double Share = 0.9;

    /// <summary>Whole seconds summed, so the jitter of single requests does not count as a drop.</summary>
    public const int Window = 3;

    /// <summary>
    /// The end of the last <see cref="Window"/>-second window ending after <paramref name="killedAt"/> in which fewer
    /// than 90 % of the offered items were accepted, measured from the kill (zero when none fell short); null when
    /// the rate was still short in the last window of posting.
    /// </summary>
    public static TimeSpan? After(IReadOnlyList<int> acceptedPerSecond, double itemsPerSecond, TimeSpan killedAt, TimeSpan postingEnded)
    {
        var first = (int)Math.Floor(killedAt.TotalSeconds);
        var last = (int)Math.Floor(postingEnded.TotalSeconds) - 1; // the last whole second of posting
        var lastShort = -1;
        for (var second = first; second <= last && second < acceptedPerSecond.Count; second++)
        {
            var accepted = 0;
            for (var s = Math.Max(0, second - Window + 1); s <= second; s++)
            {
                accepted += acceptedPerSecond[s];
            }

            if (accepted < Share * itemsPerSecond * Math.Min(Window, second + 1))
            {
                lastShort = second;
            }
        }

        if (lastShort < 0)
        {
            return TimeSpan.Zero;
        }

        return lastShort == last ? null : TimeSpan.FromSeconds(lastShort + 1) - killedAt;
    }
}
