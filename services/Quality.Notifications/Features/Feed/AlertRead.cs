namespace Quality.Notifications.Features.Feed;

/// <summary>One person has read one in-app alert (read is per person; acknowledgement is per alert).</summary>
public sealed class AlertRead
{
    public required string Subject { get; init; }
    public Guid AlertId { get; init; }
    public DateTimeOffset ReadAt { get; init; }
}
