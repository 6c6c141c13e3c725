namespace Quality.Notifications.Features.Noise;

/// <summary>Either <see cref="CalendarId"/> or the <see cref="TimeZone"/>, <see cref="Start"/> and <see cref="End"/> period; the other is null.</summary>
public sealed record QuietHoursResponse(string Address, string? TimeZone, string? Start, string? End, string? CalendarId, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static QuietHoursResponse From(RecipientQuietHours quiet) =>
        new(quiet.Address, quiet.TimeZone, quiet.Start?.ToString("HH:mm"), quiet.End?.ToString("HH:mm"), quiet.CalendarId, quiet.UpdatedBy, quiet.UpdatedAt);
}
