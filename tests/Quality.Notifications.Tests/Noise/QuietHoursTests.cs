using Quality.Notifications.Features.Noise;

namespace Quality.Notifications.Tests.Noise;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // 22:00–07:00 in Shanghai (UTC+8): 23:30 local is quiet until 07:00 the next morning.
    [InlineData("2026-03-10T15:30:00Z", "2026-03-10T23:00:00Z")]
    // 02:00 local, after midnight: quiet until 07:00 the same morning.
    [InlineData("2026-03-10T18:00:00Z", "2026-03-10T23:00:00Z")]
    // 22:00 exactly is quiet (start inclusive) ...
    [InlineData("2026-03-10T14:00:00Z", "2026-03-10T23:00:00Z")]
    // ... 07:00 exactly is not (end exclusive), nor is noon.
    [InlineData("2026-03-10T23:00:00Z", null)]
    [InlineData("2026-03-10T04:00:00Z", null)]
    public void An_overnight_period_ends_on_the_right_morning(string now, string? end)
    {
        var quiet = new QuietHours(Shanghai, new TimeOnly(22, 0), new TimeOnly(7, 0));

        Assert.Equal(end is null ? null : Utc(end), quiet.EndIfWithin(Utc(now)));
    }

    [Fact]
    public void A_daytime_period_does_not_wrap()
    {
        var quiet = new QuietHours(Shanghai, new TimeOnly(12, 0), new TimeOnly(13, 30));

        Assert.Equal(Utc("2026-03-10T05:30:00Z"), quiet.EndIfWithin(Utc("2026-03-10T04:15:00Z")));
        Assert.Null(quiet.EndIfWithin(Utc("2026-03-10T03:59:00Z")));
        Assert.Null(quiet.EndIfWithin(Utc("2026-03-10T16:00:00Z")));
    }

    [Fact]
    public void The_end_follows_the_local_clock_across_a_daylight_saving_change()
    {
        // Berlin springs forward on 29 March 2026: the night starts at UTC+1 and ends at UTC+2.
        var quiet = new QuietHours(Berlin, new TimeOnly(22, 0), new TimeOnly(7, 0));

        Assert.Equal(Utc("2026-03-29T05:00:00Z"), quiet.EndIfWithin(Utc("2026-03-28T22:00:00Z")));
    }

    [Fact]
    public void An_end_inside_the_skipped_hour_moves_to_just_after_it()
    {
        // 02:30 does not exist in Berlin on 29 March 2026 (02:00 jumps to 03:00).
        var quiet = new QuietHours(Berlin, new TimeOnly(1, 0), new TimeOnly(2, 30));

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), quiet.EndIfWithin(Utc("2026-03-29T00:30:00Z")));
    }
}
