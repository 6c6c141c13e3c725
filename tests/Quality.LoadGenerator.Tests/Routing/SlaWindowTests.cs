using Quality.Routing.Benchmark.Routing;

namespace Quality.LoadGenerator.Tests.Routing;

public sealed class SlaWindowTests
{
    [Fact]
    public void Opens_at_the_next_whole_minute_after_the_lead_and_works_every_other_day()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 15, 20, TimeSpan.Zero); // a Tuesday
        var window = SlaWindow.Plan(now, TimeSpan.FromSeconds(60));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 17, 0, TimeSpan.Zero), window.Opens);
        Assert.Contains(new SlaWindow.Period("tuesday", "10:17", "24:00"), window.Hours);
        Assert.Equal(7, window.Hours.Count);
        Assert.All(window.Hours.Where(h => h.Day != "tuesday"), h => Assert.Equal(("00:00", "24:00"), (h.Start, h.End)));
    }

    [Fact]
    public void An_opening_tomorrow_leaves_today_unworked()
    {
        var now = new DateTimeOffset(2026, 11, 24, 23, 59, 30, TimeSpan.Zero);
        var window = SlaWindow.Plan(now, TimeSpan.FromSeconds(45));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 1, 0, TimeSpan.Zero), window.Opens);
        Assert.DoesNotContain(window.Hours, h => h.Day == "tuesday");
        Assert.Contains(new SlaWindow.Period("wednesday", "00:01", "24:00"), window.Hours);
    }

    [Fact]
    public void A_lead_landing_on_a_whole_minute_opens_then() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 16, 0, TimeSpan.Zero),
            SlaWindow.Plan(new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1)).Opens);
}
