using Quality.Scoring.Features.Surges;

namespace Quality.Scoring.Tests.Features.Surges;

/// <summary>The surge rules interval by interval, no servers.</summary>
public sealed class SurgeDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SurgeOptions Options = new();

    [Fact]
    public void The_baseline_is_an_exponentially_weighted_mean_and_variance_of_the_intervals_before()
    {
        var state = new SurgeState { Category = "c" };
        var options = new SurgeOptions { Smoothing = 0.5 };

        SurgeDetector.Close(state, T0, 4, options);
        Assert.Equal((4.0, 0.0, 1), (state.Mean, state.Variance, state.Intervals));

        // difference 4, increment 2: mean 6, variance 0.5 · (0 + 4 · 2).
        SurgeDetector.Close(state, T0 + options.Interval, 8, options);
        Assert.Equal((6.0, 4.0, 2, T0 + 2 * options.Interval), (state.Mean, state.Variance, state.Intervals, state.NextInterval));
    }

    [Fact]
    public void A_quiet_category_does_not_surge_on_a_handful_and_a_new_one_not_before_it_has_history()
    {
        var quiet = History([0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
        Assert.False(SurgeDetector.IsSurge(quiet, 4, Options));
        Assert.True(SurgeDetector.IsSurge(quiet, 5, Options));

        var young = History([2, 2, 3, 2, 2]);
        Assert.False(SurgeDetector.IsSurge(young, 40, Options));
        Assert.True(SurgeDetector.IsSurge(History([2, 2, 3, 2, 2, 2, 3, 2]), 40, Options));
    }

    [Fact]
    public void Each_category_is_measured_against_its_own_baseline()
    {
        var busy = History([18, 22, 20, 19, 21, 20, 18, 22, 20, 21]);
        var calm = History([2, 1, 3, 2, 2, 1, 2, 3, 2, 2]);

        // Busy: σ is at least √20 ≈ 4.5, so the threshold is about 20 + 3 · 4.5 ≈ 33.
        Assert.False(SurgeDetector.IsSurge(busy, 30, Options));
        Assert.True(SurgeDetector.IsSurge(busy, 40, Options));
        Assert.True(SurgeDetector.IsSurge(calm, 10, Options));
    }

    [Fact]
    public void An_episode_is_announced_once_and_ends_when_the_count_is_back_within_the_band()
    {
        var state = History([2, 1, 3, 2, 2, 1, 2, 3, 2, 2]);
        var now = state.NextInterval;

        // Seen while the interval is still open: counts only grow, so this already is a surge.
        SurgeDetector.Observe(state, now, 10, Options);
        Assert.True(SurgeDetector.ShouldAnnounce(state));
        var episode = state.EpisodeId;
        Assert.Equal((now, 10), (state.EpisodeStart, state.EpisodeCount));
        state.AnnouncedAt = now;

        SurgeDetector.Observe(state, now, 14, Options);
        SurgeDetector.Close(state, now, 20, Options);
        SurgeDetector.Observe(state, state.NextInterval, 25, Options);
        Assert.Equal((true, episode), (state.InSurge, state.EpisodeId));
        Assert.False(SurgeDetector.ShouldAnnounce(state));

        // Back to normal: the episode is over. The surge raised the baseline a little, as a lasting new level would.
        SurgeDetector.Close(state, state.NextInterval, 3, Options);
        Assert.False(state.InSurge);
        Assert.True(state.Mean > 2.5);

        SurgeDetector.Observe(state, state.NextInterval, 30, Options);
        Assert.True(SurgeDetector.ShouldAnnounce(state));
        Assert.NotEqual(episode, state.EpisodeId);
    }

    [Fact]
    public void An_interval_closing_after_a_later_one_began_an_episode_does_not_end_it()
    {
        // The run at the turn of an interval: the new one already surges (seen open) while the one before it, a
        // normal one, is only now past its lateness and closes. Found by two replicas announcing one surge twice.
        var state = History([2, 1, 3, 2, 2, 1, 2, 3, 2]);
        var previous = state.NextInterval;
        var current = previous + Options.Interval;
        SurgeDetector.Observe(state, current, 30, Options);
        var episode = state.EpisodeId;
        state.AnnouncedAt = current;

        SurgeDetector.Close(state, previous, 2, Options);
        SurgeDetector.Observe(state, current, 31, Options);

        Assert.Equal((true, episode), (state.InSurge, state.EpisodeId));
        Assert.False(SurgeDetector.ShouldAnnounce(state));
    }

    private static SurgeState History(int[] counts)
    {
        var state = new SurgeState { Category = "c", NextInterval = T0 };
        foreach (var count in counts)
        {
            SurgeDetector.Close(state, state.NextInterval, count, Options);
        }

        Assert.False(state.InSurge);
        return state;
    }
}
