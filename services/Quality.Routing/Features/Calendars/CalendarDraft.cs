using System.Globalization;
using Quality.Routing.Features.Access;

namespace Quality.Routing.Features.Calendars;

/// <summary>What an upsert asks a calendar to be, as written by a person: day names, "HH:mm" times, ISO dates.</summary>
public sealed record CalendarDraft(
    string CalendarId,
    string Name,
    string TimeZone,
    IReadOnlyList<(string Day, string Start, string End)> Hours,
    IReadOnlyList<(string Date, string Name)> Holidays)
{
    public const int MaxHolidays = 2000;

    /// <summary>Checks every field and answers the parsed hours and holidays, or throws naming each invalid field.</summary>
    public (List<WorkingPeriod> Hours, List<Holiday> Holidays) Parse()
    {
        var errors = new FieldErrors();
        errors.RequireId("calendar_id", CalendarId);
        errors.Check("name", Name.Length <= 200, "must be at most 200 characters");
        if (TimeZone.Trim().Length == 0)
        {
            errors.Add("time_zone", "is required: an IANA time zone id such as Asia/Shanghai");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
        {
            errors.Add("time_zone", $"'{TimeZone}' is not a known time zone; use an IANA id such as Asia/Shanghai or Europe/London");
        }

        var hours = ParseHours(errors);
        var holidays = ParseHolidays(errors);
        errors.ThrowIfAny();
        return (hours, holidays);
    }

    private List<WorkingPeriod> ParseHours(FieldErrors errors)
    {
        errors.Check("hours", Hours.Count > 0, "must list at least one working period");
        errors.Check("hours", Hours.Count <= 100, "must have at most 100 periods");
        var parsed = new List<(int Index, WorkingPeriod Period)>();
        for (var i = 0; i < Hours.Count; i++)
        {
            var (dayText, startText, endText) = Hours[i];
            var field = $"hours[{i}]";
            var day = ParseDay(dayText);
            var start = ParseTime(startText);
            var end = ParseTime(endText);
            errors.Check($"{field}.day", day is not null, $"'{dayText}' is not a day; use monday … sunday");
            errors.Check($"{field}.start", start is not null, $"'{startText}' is not a time of day; use HH:mm, 00:00 to 24:00");
            errors.Check($"{field}.end", end is not null, $"'{endText}' is not a time of day; use HH:mm, 00:00 to 24:00");
            if (day is null || start is null || end is null)
            {
                continue;
            }

            if (end <= start)
            {
                errors.Add($"{field}.end", $"{endText} is not after start {startText}; split a shift across midnight into two periods, ending 24:00 and starting 00:00");
                continue;
            }

            var period = new WorkingPeriod(day.Value, start.Value, end.Value);
            var overlapping = parsed.FirstOrDefault(p => p.Period.Day == period.Day && p.Period.StartMinute < period.EndMinute && period.StartMinute < p.Period.EndMinute);
            if (overlapping.Period is not null)
            {
                errors.Add(field, $"{Describe(period)} overlaps hours[{overlapping.Index}] ({Describe(overlapping.Period)})");
                continue;
            }

            parsed.Add((i, period));
        }

        return [.. parsed.Select(p => p.Period).OrderBy(p => p.Day).ThenBy(p => p.StartMinute)];
    }

    private List<Holiday> ParseHolidays(FieldErrors errors)
    {
        errors.Check("holidays", Holidays.Count <= MaxHolidays, $"must have at most {MaxHolidays} dates");
        var parsed = new Dictionary<DateOnly, Holiday>();
        for (var i = 0; i < Holidays.Count; i++)
        {
            var (dateText, name) = Holidays[i];
            if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"holidays[{i}].date", $"'{dateText}' is not a date; use yyyy-MM-dd");
                continue;
            }

            errors.Check($"holidays[{i}].name", name.Length <= 200, "must be at most 200 characters");
            if (!parsed.TryAdd(date, new Holiday(date, name.Trim())))
            {
                errors.Add($"holidays[{i}].date", $"{dateText} is listed twice");
            }
        }

        return [.. parsed.Values.OrderBy(h => h.Date)];
    }

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static string TimeText(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    private static string Describe(WorkingPeriod p) => $"{DayName(p.Day)} {TimeText(p.StartMinute)}–{TimeText(p.EndMinute)}";

    private static DayOfWeek? ParseDay(string text) =>
        Enum.TryParse<DayOfWeek>(text.Trim(), ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(text, out _) ? day : null;

    /// <summary>Minutes from midnight of "HH:mm", 24:00 included as the end of the day.</summary>
    private static int? ParseTime(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || minute > 59)
        {
            return null;
        }

        var total = hour * 60 + minute;
        return total <= WorkingPeriod.MinutesPerDay ? total : null;
    }
}
