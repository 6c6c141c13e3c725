using System.Diagnostics;
using Quality.Scoring.Benchmark.Feed;

namespace Quality.LoadGenerator.Tests.ScoringBenchmark;

public sealed class FeedSubscriberTests
{
    private static readonly long Tick = Stopwatch.Frequency / 1000; // 1 ms in Clock timestamps

    [Fact]
    public void A_change_is_seen_when_the_csat_count_grows_past_what_it_was_when_armed()
    {
        var feed = new FeedSubscriber("team", "t1");
        Assert.Null(feed.Observe(7, 0)); // the snapshot
        feed.Arm(1000 * Tick);
        Assert.Null(feed.Observe(null, 1010 * Tick)); // a change message without CSAT: unchanged
        Assert.Null(feed.Observe(7, 1020 * Tick));
        Assert.Equal(42, feed.Observe(8, 1042 * Tick)!.Value, precision: 6);
        Assert.False(feed.Armed);
        Assert.Null(feed.Observe(9, 1050 * Tick)); // not armed: nothing to time
    }

    [Fact]
    public void A_change_given_up_is_not_timed_later()
    {
        var feed = new FeedSubscriber("org", "");
        feed.Arm(0);
        Assert.True(feed.Disarm());
        Assert.Null(feed.Observe(1, 5 * Tick));
        Assert.False(feed.Disarm());
    }

    [Theory]
    [InlineData("org", "", true)]
    [InlineData("team", "t1", true)]
    [InlineData("team", "t2", false)]
    [InlineData("agent", "t1-a01", true)]
    [InlineData("agent", "t1-a02", false)]
    public void Sees_changes_of_its_own_scope_only(string scope, string id, bool sees) =>
        Assert.Equal(sees, new FeedSubscriber(scope, id).Sees("t1", "t1-a01"));
}
