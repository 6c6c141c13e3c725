using Quality.Routing.Features.Calendars;

namespace Quality.Routing.Tests.Features.Calendars;

/// <summary>Open or closed at an instant, and the next change, against examples worked out by hand on a wall calendar.</summary>
public sealed class CalendarStateTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public void Over_a_weekend_the_next_change_is_mondays_opening()
    {
        var calendar = Calendar("Asia/Shanghai", Weekdays(9 * 60, 18 * 60), []);

        // Friday 27 November 2026 17:00 is open until 18:00; Saturday night is closed until Monday 09:00.
        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 11, 27, 18, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 27, 17, 0, 0, Shanghai)));
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 28, 23, 0, 0, Shanghai)));
        // The closing instant itself is closed (periods exclude their end), the opening instant open.
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 27, 18, 0, 0, Shanghai)));
        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 11, 30, 18, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Shanghai)));
    }

    [Fact]
    public void A_holiday_on_monday_keeps_the_calendar_closed_until_tuesday()
    {
        var calendar = Calendar("Asia/Shanghai", Weekdays(9 * 60, 18 * 60), [new DateOnly(2026, 11, 30)]);

        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 27, 18, 30, 0, Shanghai)));
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Shanghai)));
    }

    [Fact]
    public void A_split_shift_closes_for_lunch()
    {
        // 09:00–12:00 and 13:30–18:00.
        var calendar = Calendar("Asia/Shanghai", [.. Weekdays(9 * 60, 12 * 60), .. Weekdays(13 * 60 + 30, 18 * 60)], []);

        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 11, 30, 12, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 11, 0, 0, Shanghai)));
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 11, 30, 13, 30, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 12, 0, 0, Shanghai)));
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 11, 30, 13, 30, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 12, 15, 0, Shanghai)));
        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 11, 30, 18, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 13, 30, 0, Shanghai)));
    }

    [Fact]
    public void A_night_shift_across_midnight_closes_once_at_its_end()
    {
        // 22:00–24:00 and 00:00–02:00 every day: one stretch from 22:00 to 02:00.
        var calendar = Calendar("Asia/Shanghai", Enum.GetValues<DayOfWeek>().SelectMany(d => new[] { new WorkingPeriod(d, 22 * 60, 24 * 60), new WorkingPeriod(d, 0, 2 * 60) }), []);

        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 12, 1, 2, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 11, 30, 23, 0, 0, Shanghai)));
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 12, 1, 22, 0, 0, Shanghai)), calendar.StateAt(new DateTimeOffset(2026, 12, 1, 3, 0, 0, Shanghai)));
    }

    [Fact]
    public void Daylight_saving_changes_move_the_real_instants_of_opening_and_closing()
    {
        // New York, Sundays 00:00–04:00: on 8 March 2026 02:00 EST jumps to 03:00 EDT, so 04:00 is 08:00 UTC.
        var newYork = Calendar("America/New_York", [new WorkingPeriod(DayOfWeek.Sunday, 0, 4 * 60)], []);
        Assert.Equal(new CalendarState(true, new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.Zero)), newYork.StateAt(new DateTimeOffset(2026, 3, 8, 0, 30, 0, TimeSpan.FromHours(-5))));

        // London, Sundays 01:00–03:00: on 29 March 2026 01:00 GMT becomes 02:00 BST, so it opens at 02:00 BST (01:00 UTC).
        var london = Calendar("Europe/London", [new WorkingPeriod(DayOfWeek.Sunday, 60, 3 * 60)], []);
        Assert.Equal(new CalendarState(false, new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)), london.StateAt(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Round_the_clock_or_never_open_has_no_next_change()
    {
        var allDay = Calendar("Asia/Shanghai", Enum.GetValues<DayOfWeek>().Select(d => new WorkingPeriod(d, 0, WorkingPeriod.MinutesPerDay)), []);
        var monday = new DateTimeOffset(2026, 11, 30, 3, 0, 0, Shanghai);
        Assert.Equal(new CalendarState(true, null), allDay.StateAt(monday));

        // Mondays only, and every Monday for six years a holiday.
        var mondays = Enumerable.Range(0, 6 * 53).Select(w => new DateOnly(2026, 11, 30).AddDays(7 * w));
        var never = Calendar("Asia/Shanghai", [new WorkingPeriod(DayOfWeek.Monday, 9 * 60, 18 * 60)], mondays);
        Assert.Equal(new CalendarState(false, null), never.StateAt(monday));
    }

    private static BusinessTime Calendar(string zone, IEnumerable<WorkingPeriod> hours, IEnumerable<DateOnly> holidays) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(zone), hours, holidays);

    private static IEnumerable<WorkingPeriod> Weekdays(int start, int end) =>
        Enumerable.Range(1, 5).Select(d => new WorkingPeriod((DayOfWeek)d, start, end));
}
