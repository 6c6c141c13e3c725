using Quality.Web.Features.Overview;

namespace Quality.Web.Tests.Features.Overview;

public sealed class TrendBucketsTests
{
    // A Wednesday.
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 14, 25, 0, TimeSpan.Zero);

    [Fact]
    public void Hours_are_the_last_twelve_whole_hours_ending_with_the_current_one()
    {
        var buckets = TrendBuckets.For(TrendGranularity.Hour, Now);

        Assert.Equal(12, buckets.Count);
        Assert.Equal(new TrendBucket(new(2026, 3, 4, 14, 0, 0, TimeSpan.Zero), new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero)), buckets[^1]);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 3, 0, 0, TimeSpan.Zero), buckets[0].From);
    }

    [Fact]
    public void Days_start_at_utc_midnight()
    {
        var buckets = TrendBuckets.For(TrendGranularity.Day, Now.ToOffset(TimeSpan.FromHours(8)));

        Assert.Equal(14, buckets.Count);
        Assert.Equal(new TrendBucket(new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 5, 0, 0, 0, TimeSpan.Zero)), buckets[^1]);
    }

    [Fact]
    public void Weeks_start_on_monday()
    {
        var buckets = TrendBuckets.For(TrendGranularity.Week, Now);

        Assert.Equal(8, buckets.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), buckets[^1].From);
        Assert.All(buckets, b => Assert.Equal(DayOfWeek.Monday, b.From.DayOfWeek));
    }

    [Theory]
    [InlineData(TrendGranularity.Hour)]
    [InlineData(TrendGranularity.Day)]
    [InlineData(TrendGranularity.Week)]
    public void Buckets_follow_each_other_without_gaps(TrendGranularity granularity)
    {
        var buckets = TrendBuckets.For(granularity, Now);

        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }
}
