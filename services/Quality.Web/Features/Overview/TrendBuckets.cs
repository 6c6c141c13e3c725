namespace Quality.Web.Features.Overview;

/// <summary>
/// The intervals of a trend chart: the last 12 hours, 14 days or 8 ISO weeks (UTC), the current one
/// included and still filling, each asked of Scoring as a custom interval.
/// </summary>
public static class TrendBuckets
{
    public static int CountOf(TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Hour => 12,
        TrendGranularity.Day => 14,
        _ => 8,
    };

    public static IReadOnlyList<TrendBucket> For(TrendGranularity granularity, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var start = StartOf(granularity, now);
        var count = CountOf(granularity);
        return [.. Enumerable.Range(0, count).Select(i => new TrendBucket(Step(granularity, start, i - count + 1), Step(granularity, start, i - count + 2)))];
    }

    /// <summary>The start of the period containing <paramref name="now"/>: the hour, UTC midnight, or Monday's.</summary>
    private static DateTimeOffset StartOf(TrendGranularity granularity, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.Date, TimeSpan.Zero);
        return granularity switch
        {
            TrendGranularity.Hour => day.AddHours(now.Hour),
            TrendGranularity.Day => day,
            _ => day.AddDays(-(((int)now.DayOfWeek + 6) % 7)),
        };
    }

    private static DateTimeOffset Step(TrendGranularity granularity, DateTimeOffset start, int steps) => granularity switch
    {
        TrendGranularity.Hour => start.AddHours(steps),
        TrendGranularity.Day => start.AddDays(steps),
        _ => start.AddDays(7 * steps),
    };
}
