namespace Quality.Scoring.Features.Surges;

/// <summary>
/// The surge rules, pure. An interval is a surge when the category has <see cref="SurgeOptions.MinimumHistory"/>
/// intervals of history, at least <see cref="SurgeOptions.MinimumCount"/> complaints, and more than
/// mean + k·σ, with σ never below √mean (counting noise) or 1, all from the intervals before it. A surge starts an
/// episode; it lasts until a closed interval's count is back within the band (at or below that threshold). Every
/// closed interval, surging or not, then joins the baseline, so a lasting new level becomes the normal one.
/// </summary>
public static class SurgeDetector
{
    public static double ThresholdOf(SurgeState state, SurgeOptions options) =>
        state.Mean + options.Threshold * Math.Max(Math.Sqrt(state.Variance), Math.Max(Math.Sqrt(state.Mean), 1));

    public static bool IsSurge(SurgeState state, int count, SurgeOptions options) =>
        state.Intervals >= options.MinimumHistory && count >= options.MinimumCount && count > ThresholdOf(state, options);

    /// <summary>An interval that has ended (and is past its lateness): may start or end an episode, then joins the baseline.</summary>
    public static void Close(SurgeState state, DateTimeOffset start, int count, SurgeOptions options)
    {
        if (state.InSurge)
        {
            // An interval from before the episode (closing only now, past its lateness, while a later open one already
            // surges) says nothing about whether the episode is over.
            if (start >= state.EpisodeStart && count <= ThresholdOf(state, options))
            {
                state.InSurge = false;
                state.AnnouncedAt = null;
            }
        }
        else
        {
            Observe(state, start, count, options);
        }

        if (state.Intervals == 0)
        {
            state.Mean = count;
            state.Variance = 0;
        }
        else
        {
            // West's incremental EWMA of mean and variance.
            var difference = count - state.Mean;
            var increment = options.Smoothing * difference;
            state.Mean += increment;
            state.Variance = (1 - options.Smoothing) * (state.Variance + difference * increment);
        }

        state.Intervals++;
        state.NextInterval = start + options.Interval;
    }

    /// <summary>
    /// A count for an interval still open (or not yet past its lateness): counts only grow, so one over the threshold
    /// already is a surge, and is announced without waiting for the interval to end.
    /// </summary>
    public static void Observe(SurgeState state, DateTimeOffset start, int count, SurgeOptions options)
    {
        if (state.InSurge || !IsSurge(state, count, options))
        {
            return;
        }

        state.InSurge = true;
        state.EpisodeId = Guid.CreateVersion7();
        state.EpisodeStart = start;
        state.EpisodeCount = count;
        state.EpisodeBaseline = state.Mean;
        state.EpisodeThreshold = ThresholdOf(state, options);
        state.AnnouncedAt = null;
    }

    /// <summary>An episode is announced once, if it is still going on when it is seen (not one that began and ended during a catch-up).</summary>
    public static bool ShouldAnnounce(SurgeState state) => state.InSurge && state.AnnouncedAt is null;
}
