using Quality.Routing.Features.Calendars;

namespace Quality.Routing.Tests.Features.Calendars;

/// <summary>Business-time arithmetic against examples worked out by hand on a wall calendar.</summary>
public sealed class BusinessTimeTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Asia/Shanghai, Monday to Friday 09:00–18:00, as the default calendar.</summary>
    private static BusinessTime OfficeHours(params DateOnly[] holidays) =>
        Calendar("Asia/Shanghai", Weekdays(9 * 60, 18 * 60), holidays);

    [Fact]
    public void Adding_across_a_weekend_skips_saturday_and_sunday()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 17, 0, 0, Shanghai);

        // Friday 17:00–18:00 is one hour; the second is Monday 09:00–10:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Shanghai), OfficeHours().Add(friday, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), OfficeHours().Between(friday, new DateTimeOffset(2026, 11, 30, 10, 0, 0, Shanghai)));
    }

    [Fact]
    public void A_holiday_is_skipped_like_a_weekend()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 17, 0, 0, Shanghai);
        var calendar = OfficeHours(new DateOnly(2026, 11, 30));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, Shanghai), calendar.Add(friday, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.Between(friday, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Shanghai)));
    }

    [Fact]
    public void Starting_outside_hours_the_clock_starts_at_the_next_opening()
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 23, 0, 0, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, Shanghai), OfficeHours().Add(saturdayNight, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.Zero, OfficeHours().Between(saturdayNight, new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai)));
        Assert.False(OfficeHours().IsWorking(saturdayNight));
        Assert.True(OfficeHours().IsWorking(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai)));
        Assert.False(OfficeHours().IsWorking(new DateTimeOffset(2026, 11, 30, 18, 0, 0, Shanghai)));
    }

    [Fact]
    public void Split_shifts_skip_the_lunch_break()
    {
        // 09:00–12:00 and 13:30–18:00.
        var calendar = Calendar("Asia/Shanghai", [.. Weekdays(9 * 60, 12 * 60), .. Weekdays(13 * 60 + 30, 18 * 60)], []);
        var monday = new DateTimeOffset(2026, 11, 30, 11, 0, 0, Shanghai);

        // 11:00–12:00 is one hour, then 13:30–14:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 30, 0, Shanghai), calendar.Add(monday, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(monday, new DateTimeOffset(2026, 11, 30, 14, 30, 0, Shanghai)));
        // A deadline that uses exactly the morning is noon, not the afternoon's opening.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, Shanghai), calendar.Add(monday, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_pause_across_midnight_counts_only_the_hours_on_either_side()
    {
        var mondayEvening = new DateTimeOffset(2026, 11, 30, 17, 15, 0, Shanghai);
        var tuesdayMorning = new DateTimeOffset(2026, 12, 1, 9, 40, 0, Shanghai);

        Assert.Equal(TimeSpan.FromMinutes(45 + 40), OfficeHours().Between(mondayEvening, tuesdayMorning));
    }

    [Fact]
    public void A_night_shift_across_midnight_is_one_stretch_of_work()
    {
        // 22:00–24:00 every day and 00:00–02:00 every day.
        WorkingPeriod[] nights = [.. Enum.GetValues<DayOfWeek>().SelectMany(d => new[] { new WorkingPeriod(d, 22 * 60, 24 * 60), new WorkingPeriod(d, 0, 2 * 60) })];
        var calendar = Calendar("Asia/Shanghai", nights, []);
        var lateEvening = new DateTimeOffset(2026, 11, 30, 23, 0, 0, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 30, 0, Shanghai), calendar.Add(lateEvening, TimeSpan.FromMinutes(90)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 30, 0, Shanghai), calendar.Add(lateEvening, TimeSpan.FromHours(3.5)));
        Assert.Equal(TimeSpan.FromHours(4), calendar.Between(lateEvening, new DateTimeOffset(2026, 12, 1, 23, 0, 0, Shanghai)));
    }

    [Fact]
    public void New_york_spring_forward_makes_a_round_the_clock_sunday_23_hours_long()
    {
        var calendar = Calendar("America/New_York", AllDay(), []);
        var saturdayNoon = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(-5));

        // 24 hours of work later the wall clock says 13:00, daylight time.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.FromHours(-4)), calendar.Add(saturdayNoon, TimeSpan.FromHours(24)));
        var sundayMidnight = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5));
        var mondayMidnight = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(-4));
        Assert.Equal(TimeSpan.FromHours(23), calendar.Between(sundayMidnight, mondayMidnight));
    }

    [Fact]
    public void Hours_that_span_the_skipped_hour_lose_it()
    {
        // Sundays 00:00–04:00 in New York: on 8 March 2026 02:00 EST jumps to 03:00 EDT, so only 3 hours are worked.
        var calendar = Calendar("America/New_York", [new WorkingPeriod(DayOfWeek.Sunday, 0, 4 * 60)], []);
        var sundayMidnight = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(TimeSpan.FromHours(3), calendar.Between(sundayMidnight.AddDays(-1), sundayMidnight.AddDays(1)));
        // Two hours run out at the jump; the last half hour is 03:00–03:30 daylight time.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4)), calendar.Add(sundayMidnight, TimeSpan.FromMinutes(150)));
    }

    [Fact]
    public void London_hours_that_start_in_the_skipped_hour_start_when_the_clocks_say_so()
    {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST; a 01:00–03:00 period is worked 02:00–03:00 BST only.
        var calendar = Calendar("Europe/London", [new WorkingPeriod(DayOfWeek.Sunday, 60, 3 * 60)], []);
        var saturday = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.FromHours(1)), calendar.Add(saturday, TimeSpan.FromTicks(1)).AddTicks(-1));
        Assert.Equal(TimeSpan.FromHours(1), calendar.Between(saturday, saturday.AddDays(2)));
    }

    [Fact]
    public void New_york_fall_back_makes_hours_that_span_the_repeated_hour_one_hour_longer()
    {
        // 1 November 2026: 02:00 EDT falls back to 01:00 EST; 00:00–03:00 on the wall is four real hours.
        var calendar = Calendar("America/New_York", [new WorkingPeriod(DayOfWeek.Sunday, 0, 3 * 60)], []);
        var sundayMidnight = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4));

        Assert.Equal(TimeSpan.FromHours(4), calendar.Between(sundayMidnight, sundayMidnight.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)), calendar.Add(sundayMidnight, TimeSpan.FromMinutes(150)));
    }

    [Fact]
    public void Between_is_the_inverse_of_add_over_many_starts_and_amounts()
    {
        var calendar = Calendar("Europe/London", [.. Weekdays(8 * 60, 12 * 60), .. Weekdays(13 * 60, 17 * 60 + 30)], [new DateOnly(2026, 3, 30)]);
        var start = new DateTimeOffset(2026, 3, 25, 0, 0, 0, TimeSpan.Zero);
        for (var hour = 0; hour < 24 * 10; hour += 7)
        {
            foreach (var minutes in new[] { 1, 59, 240, 511, 2000 })
            {
                var from = start.AddHours(hour);
                var due = calendar.Add(from, TimeSpan.FromMinutes(minutes));
                Assert.Equal(TimeSpan.FromMinutes(minutes), calendar.Between(from, due));
                Assert.True(calendar.IsWorking(due.AddTicks(-1)), $"{from:O} + {minutes} min = {due:O} is not just after working time");
            }
        }
    }

    [Fact]
    public void Adding_nothing_or_measuring_backwards_is_zero()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 20, 0, 0, Shanghai);

        Assert.Equal(monday, OfficeHours().Add(monday, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, OfficeHours().Between(monday, monday.AddHours(-20)));
    }

    private static BusinessTime Calendar(string zone, IEnumerable<WorkingPeriod> hours, IEnumerable<DateOnly> holidays) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(zone), hours, holidays);

    private static IEnumerable<WorkingPeriod> Weekdays(int start, int end) =>
        Enumerable.Range(1, 5).Select(d => new WorkingPeriod((DayOfWeek)d, start, end));

    private static IEnumerable<WorkingPeriod> AllDay() =>
        Enum.GetValues<DayOfWeek>().Select(d => new WorkingPeriod(d, 0, WorkingPeriod.MinutesPerDay));
}
