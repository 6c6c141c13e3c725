using Quality.Routing.Features.Calendars;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Tests.Features.Calendars;

public sealed class CalendarDraftTests
{
    [Fact]
    public void Valid_hours_and_holidays_are_parsed_in_order()
    {
        var (hours, holidays) = Draft(
            hours: [("Monday", "13:30", "18:00"), ("monday", "09:00", "12:00"), ("sunday", "22:00", "24:00")],
            holidays: [("2026-10-01", " National Day ")]).Parse();

        Assert.Equal(
            [new WorkingPeriod(DayOfWeek.Sunday, 22 * 60, 24 * 60), new WorkingPeriod(DayOfWeek.Monday, 9 * 60, 12 * 60), new WorkingPeriod(DayOfWeek.Monday, 13 * 60 + 30, 18 * 60)],
            hours);
        Assert.Equal([new Holiday(new DateOnly(2026, 10, 1), "National Day")], holidays);
    }

    [Fact]
    public void Overlapping_inverted_and_malformed_hours_are_each_named()
    {
        var error = Assert.Throws<RequestValidationException>(() => Draft(hours:
        [
            ("monday", "09:00", "12:00"),
            ("monday", "11:00", "14:00"),
            ("tuesday", "18:00", "09:00"),
            ("funday", "25:00", "9"),
        ]).Parse());

        Assert.Contains("overlaps hours[0] (monday 09:00–12:00)", Assert.Single(error.Errors["hours[1]"]));
        Assert.Contains("is not after start 18:00", Assert.Single(error.Errors["hours[2].end"]));
        Assert.Contains("'funday' is not a day", Assert.Single(error.Errors["hours[3].day"]));
        Assert.Contains("'25:00' is not a time of day", Assert.Single(error.Errors["hours[3].start"]));
        Assert.Contains("'9' is not a time of day", Assert.Single(error.Errors["hours[3].end"]));
    }

    [Fact]
    public void Unknown_time_zone_no_hours_and_bad_holidays_are_refused()
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            Draft(zone: "Mars/Olympus_Mons", hours: [], holidays: [("2026-13-01", ""), ("2026-10-01", ""), ("2026-10-01", "")]).Parse());

        Assert.Contains("'Mars/Olympus_Mons' is not a known time zone", Assert.Single(error.Errors["time_zone"]));
        Assert.Contains("at least one working period", Assert.Single(error.Errors["hours"]));
        Assert.Contains("is not a date", Assert.Single(error.Errors["holidays[0].date"]));
        Assert.Contains("listed twice", Assert.Single(error.Errors["holidays[2].date"]));
    }

    [Fact]
    public void Touching_periods_do_not_overlap()
    {
        var (hours, _) = Draft(hours: [("friday", "09:00", "12:00"), ("friday", "12:00", "18:00")]).Parse();

        Assert.Equal(2, hours.Count);
    }

    private static CalendarDraft Draft(
        string zone = "Asia/Shanghai",
        (string, string, string)[]? hours = null,
        (string, string)[]? holidays = null) =>
        new("cal", "Calendar", zone, hours ?? [("monday", "09:00", "18:00")], holidays ?? []);
}
