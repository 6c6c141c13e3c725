namespace Quality.Notifications.Features.Noise;

/// <summary>
/// An email address's quiet hours, as stored: either a fixed nightly period (an IANA time zone and wall-clock
/// times) or "outside the working hours of Routing's business calendar <see cref="CalendarId"/>"; never both.
/// </summary>
public sealed class RecipientQuietHours
{
    /// <summary>Lower-case, as rules store their addresses.</summary>
    public required string Address { get; init; }
    public string? TimeZone { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public string? CalendarId { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The fixed period, or null when the quiet hours follow a calendar.</summary>
    public QuietHours? Window() =>
        TimeZone is null || Start is null || End is null ? null : new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Start.Value, End.Value);

    public void UseWindow(string timeZone, TimeOnly start, TimeOnly end)
    {
        (TimeZone, Start, End) = (timeZone, start, end);
        CalendarId = null;
    }

    public void UseCalendar(string calendarId)
    {
        (TimeZone, Start, End) = (null, null, null);
        CalendarId = calendarId;
    }
}
