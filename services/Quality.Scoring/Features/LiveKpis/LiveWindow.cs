using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// A rolling window kept live in Redis as time buckets: <c>last_hour</c> is the current minute and the 59 before
/// it, <c>last_24h</c> the current ten minutes and the 143 before. The same bucket-aligned interval is what
/// PostgreSQL answers for these periods, so both sources always measure the same thing.
/// </summary>
public sealed record LiveWindow(string Code, string PeriodName, TimeSpan BucketSize, int Buckets)
{
    public static readonly LiveWindow LastHour = new("m", "last_hour", TimeSpan.FromMinutes(1), 60);
    public static readonly LiveWindow Last24Hours = new("t", "last_24h", TimeSpan.FromMinutes(10), 144);

    public static readonly IReadOnlyList<LiveWindow> All = [LastHour, Last24Hours];

    public static LiveWindow? Named(string period) => All.FirstOrDefault(w => w.PeriodName == period);

    public TimeSpan Length => BucketSize * Buckets;

    private long BucketSeconds => (long)BucketSize.TotalSeconds;

    public long BucketOf(DateTimeOffset instant) => (long)Math.Floor(instant.ToUnixTimeMilliseconds() / 1000.0 / BucketSeconds);

    public DateTimeOffset StartOf(long bucket) => DateTimeOffset.FromUnixTimeSeconds(bucket * BucketSeconds);

    /// <summary>The window that ends with the bucket holding <paramref name="now"/>.</summary>
    public KpiPeriod EndingAt(DateTimeOffset now)
    {
        var last = BucketOf(now);
        return new KpiPeriod(StartOf(last - Buckets + 1), StartOf(last + 1), PeriodName);
    }

    /// <summary>
    /// When a bucket's keys may go: once no window ending now can reach it any more, plus a margin for clocks.
    /// Items whose bucket is already past this are not written at all.
    /// </summary>
    public DateTimeOffset ExpiryOf(long bucket) => StartOf(bucket + 1) + Length + BucketSize;

    public IEnumerable<long> BucketsEndingAt(DateTimeOffset now)
    {
        var last = BucketOf(now);
        for (var b = last - Buckets + 1; b <= last; b++)
        {
            yield return b;
        }
    }
}
