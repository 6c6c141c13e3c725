namespace Quality.Notifications.Features.Noise;

/// <summary>An IANA time zone (<c>Asia/Shanghai</c>) and wall-clock times <c>HH:mm</c>; the period may run over midnight.</summary>
public sealed record QuietHoursRequest(string? TimeZone, string? Start, string? End);
