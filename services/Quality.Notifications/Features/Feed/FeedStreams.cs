using System.Runtime.CompilerServices;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Features.Feed;

/// <summary>
/// One person's stream, for gRPC and SSE alike: subscribe first (so nothing committed from now on is missed),
/// then send <c>ready</c> with the unread count, then the subscription's items, and a heartbeat when idle.
/// </summary>
public sealed class FeedStreams(FeedHub hub, IServiceScopeFactory scopes)
{
    public const string HeartbeatType = "heartbeat";

    /// <summary>How long a new stream waits for the replica's LISTEN connection before going ahead without it.</summary>
    private static readonly TimeSpan ListenGrace = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<FeedItem> WatchAsync(Recipient reader, TimeSpan? heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Not listening yet (just started, or the database is away): the stream still starts, and will be told to
        // re-read once the connection is back.
        await Task.WhenAny(hub.Listening, Task.Delay(ListenGrace, cancellationToken));
        using var subscription = hub.Subscribe(reader);
        int unread;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unread = await scope.ServiceProvider.GetRequiredService<FeedReads>().UnreadCountAsync(reader, cancellationToken);
        }

        yield return FeedItem.Ready(unread);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await WaitAsync(subscription, heartbeat, cancellationToken))
            {
                yield return new FeedItem(HeartbeatType);
                continue;
            }

            while (subscription.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>True when items are waiting; false when <paramref name="idle"/> passed first.</summary>
    private static async Task<bool> WaitAsync(FeedSubscription subscription, TimeSpan? idle, CancellationToken cancellationToken)
    {
        if (idle is null)
        {
            return await subscription.WaitToReadAsync(cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(idle.Value);
        try
        {
            return await subscription.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
