using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Features.Feed;

/// <summary>The feed for browsers: Server-Sent Events (<c>ready</c>, <c>alert</c>, <c>gap</c>, <c>heartbeat</c>), the same items as the gRPC stream.</summary>
public static class FeedEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapFeedEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/feed/stream", Stream).WithTags("Feed");

    private static IResult Stream(FeedStreams streams, IOptions<FeedOptions> options, HttpContext http) =>
        TypedResults.ServerSentEvents(EventsAsync(streams, Recipient.From(http.User), options.Value.HeartbeatInterval, http.RequestAborted));

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        FeedStreams streams, Recipient reader, TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in streams.WatchAsync(reader, heartbeat, cancellationToken))
        {
            object data = item.Type switch
            {
                FeedItem.AlertType => item.Alert!,
                FeedItem.ReadyType => new { unreadCount = item.UnreadCount },
                FeedItem.GapType => new { dropped = item.Dropped, reason = item.Reason },
                _ => new { },
            };
            yield return new SseItem<string>(JsonSerializer.Serialize(data, Json), item.Type)
            {
                EventId = item.Alert?.Id.ToString(),
            };
        }
    }
}
