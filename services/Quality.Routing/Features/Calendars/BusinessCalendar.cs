namespace Quality.Routing.Features.Calendars;

/// <summary>When a team works: a time zone, weekly hours (split shifts allowed) and holidays. SLA clocks run only inside these hours.</summary>
public sealed class BusinessCalendar
{
    /// <summary>The calendar every policy uses unless it names another: Asia/Shanghai, Monday to Friday, 09:00–18:00.</summary>
    public const string DefaultId = "default";

    public required string Id { get; init; }
    public required string Name { get; set; }

    /// <summary>An IANA time zone id such as Asia/Shanghai or Europe/London.</summary>
    public required string TimeZone { get; set; }

    public List<WorkingPeriod> Hours { get; set; } = [];
    public List<Holiday> Holidays { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    public BusinessTime Clock() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Hours, Holidays.Select(h => h.Date));
}
