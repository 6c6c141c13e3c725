using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Feed;

/// <summary>The streamed in-app feed, section <c>Notifications:Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Notifications:Feed";

    /// <summary>
    /// Alerts one subscriber's buffer holds while its reader is behind. When full, the oldest is dropped and
    /// the reader is told how many it missed (a <c>gap</c>), so a slow reader costs this many alerts of memory, no more.
    /// </summary>
    [Range(1, 10_000)]
    public int BufferCapacity { get; set; } = 256;

    /// <summary>Streams one replica serves at once; the next gets RESOURCE_EXHAUSTED / 503.</summary>
    [Range(1, 100_000)]
    public int MaxSubscribers { get; set; } = 10_000;

    /// <summary>How far back unread alerts count: older ones are history, not news.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan UnreadWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often an idle SSE stream sends a heartbeat, so proxies do not close it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a lost LISTEN connection waits before reconnecting.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
}
