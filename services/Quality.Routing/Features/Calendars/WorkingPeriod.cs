namespace Quality.Routing.Features.Calendars;

/// <summary>
/// One stretch of working time on a weekday, in the calendar's local time: minutes from midnight, the end
/// excluded and allowed to be 1440 (24:00). A shift across midnight is two periods, one on each day.
/// </summary>
public sealed record WorkingPeriod(DayOfWeek Day, int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;
}
