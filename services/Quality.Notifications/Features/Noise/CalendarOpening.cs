namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Routing's answer for a business calendar at an instant: open or not, and when that next changes (the next
/// closing while open, the next opening while closed); null when it does not change within Routing's look-ahead.
/// </summary>
public sealed record CalendarOpening(bool Open, DateTimeOffset? NextChangeAt);
