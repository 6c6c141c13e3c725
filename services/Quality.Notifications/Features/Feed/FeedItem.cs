namespace Quality.Notifications.Features.Feed;

/// <summary>
/// What a feed stream sends: first <c>ready</c> (with the unread count), then each <c>alert</c>; a <c>gap</c>
/// says alerts were missed (<see cref="Dropped"/> of them because the reader was slow, or an unknown number
/// while replicas were out of touch), so the reader re-reads its unread count and list.
/// </summary>
public sealed record FeedItem(string Type, FeedAlert? Alert = null, int? UnreadCount = null, int? Dropped = null, string? Reason = null)
{
    public const string ReadyType = "ready";
    public const string AlertType = "alert";
    public const string GapType = "gap";
    public const string SlowReader = "slow_reader";
    public const string Resync = "resync";

    public static FeedItem Ready(int unread) => new(ReadyType, UnreadCount: unread);

    public static FeedItem For(FeedAlert alert) => new(AlertType, alert);

    public static FeedItem Gap(int? dropped, string reason) => new(GapType, Dropped: dropped, Reason: reason);
}
