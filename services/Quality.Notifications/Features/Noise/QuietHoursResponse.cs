namespace Quality.Notifications.Features.Noise;

public sealed record QuietHoursResponse(string Address, string TimeZone, string Start, string End, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static QuietHoursResponse From(RecipientQuietHours quiet) =>
        new(quiet.Address, quiet.TimeZone, quiet.Start.ToString("HH:mm"), quiet.End.ToString("HH:mm"), quiet.UpdatedBy, quiet.UpdatedAt);
}
