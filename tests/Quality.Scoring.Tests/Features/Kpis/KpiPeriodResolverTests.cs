using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Quality.Scoring.Features.Kpis;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Tests.Features.Kpis;

/// <summary>Named periods in the organisation's time zone, and the checks on custom intervals.</summary>
public sealed class KpiPeriodResolverTests
{
    // Wednesday 2026-11-04 02:30 UTC is Wednesday 10:30 in Shanghai (UTC+8, no DST).
    private static readonly DateTimeOffset Now = new(2026, 11, 4, 2, 30, 0, TimeSpan.Zero);

    private static KpiPeriodResolver Resolver(string? timeZone) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KpiPeriodResolver.TimeZoneKey] = timeZone }).Build(),
        new FakeTimeProvider(Now));

    [Theory]
    [InlineData(null, "day", "2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z")]
    [InlineData("Asia/Shanghai", "day", "2026-11-03T16:00:00Z", "2026-11-04T16:00:00Z")]
    [InlineData("Asia/Shanghai", "week", "2026-11-01T16:00:00Z", "2026-11-08T16:00:00Z")]
    [InlineData("Asia/Shanghai", "month", "2026-10-31T16:00:00Z", "2026-11-30T16:00:00Z")]
    [InlineData("Europe/Berlin", "month", "2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z")]
    // Rolling windows are the live buckets ending with the one holding now: 60 minutes, 144 ten-minute buckets.
    [InlineData("Europe/Berlin", "last_hour", "2026-11-04T01:31:00Z", "2026-11-04T02:31:00Z")]
    [InlineData(null, "last_24h", "2026-11-03T02:40:00Z", "2026-11-04T02:40:00Z")]
    [InlineData(null, "WEEK", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z")]
    public void Named_periods_start_at_local_midnight_or_are_the_live_buckets(string? timeZone, string period, string from, string to)
    {
        var resolved = Resolver(timeZone).Resolve(period, null, null);

        Assert.Equal(DateTimeOffset.Parse(from, null), resolved.From);
        Assert.Equal(DateTimeOffset.Parse(to, null), resolved.To);
    }

    [Fact]
    public void No_period_and_no_interval_is_today()
    {
        var resolved = Resolver(null).Resolve("", null, null);

        Assert.Equal("day", resolved.Name);
    }

    [Fact]
    public void A_custom_interval_is_taken_as_given()
    {
        var resolved = Resolver(null).Resolve(null, Now.AddDays(-3), Now);

        Assert.Equal(new KpiPeriod(Now.AddDays(-3), Now), resolved);
    }

    [Theory]
    [InlineData("fortnight", false, false, "period")]
    [InlineData("day", true, true, "period")]
    [InlineData(null, true, false, "to")]
    [InlineData(null, false, true, "from")]
    public void Bad_periods_name_the_field(string? period, bool withFrom, bool withTo, string field)
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            Resolver(null).Resolve(period, withFrom ? Now : null, withTo ? Now.AddHours(1) : null));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public void An_end_not_after_the_start_is_rejected()
    {
        var error = Assert.Throws<RequestValidationException>(() => Resolver(null).Resolve(null, Now, Now));

        Assert.Equal(["to"], error.Errors.Keys);
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_service_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver("Mars/Olympus"));

        Assert.Contains(KpiPeriodResolver.TimeZoneKey, error.Message);
    }
}
