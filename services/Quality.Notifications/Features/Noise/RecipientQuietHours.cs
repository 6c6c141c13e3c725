namespace Quality.Notifications.Features.Noise;

/// <summary>An email address's quiet hours, as stored: an IANA time zone and a wall-clock period.</summary>
public sealed class RecipientQuietHours
{
    /// <summary>Lower-case, as rules store their addresses.</summary>
    public required string Address { get; init; }
    public required string TimeZone { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public QuietHours ToQuietHours() => new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Start, End);
}
