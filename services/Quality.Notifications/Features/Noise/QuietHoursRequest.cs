namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Either an IANA time zone (<c>Asia/Shanghai</c>) and wall-clock times <c>HH:mm</c> (the period may run over
/// midnight), or the id of a Routing business calendar outside whose working hours the address is quiet.
/// </summary>
public sealed record QuietHoursRequest(string? TimeZone, string? Start, string? End, string? CalendarId = null);
