namespace Quality.Routing.Features.Calendars;

/// <summary>
/// Whether a calendar is open at an instant, and when that next changes: its next closing while open, its next
/// opening while closed; null when it does not change within the look-ahead (open round the clock, or never open).
/// </summary>
public sealed record CalendarState(bool Open, DateTimeOffset? NextChangeAt);
