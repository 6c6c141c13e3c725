using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>Reads the in-app feed's server-sent events (<c>/api/feed/stream</c>) as a browser would, skipping heartbeats.</summary>
public static class FeedStream
{
    public static async Task<IAsyncEnumerator<SseItem<string>>> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The next event that is not a heartbeat: its type and its data as JSON.</summary>
    public static async Task<(string Type, JsonElement Data)> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.EventType != "heartbeat")
            {
                return (events.Current.EventType, JsonDocument.Parse(events.Current.Data).RootElement);
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }
}
