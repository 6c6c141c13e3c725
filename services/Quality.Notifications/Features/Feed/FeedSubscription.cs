using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Features.Feed;

/// <summary>
/// One stream's buffer: bounded, dropping the oldest alert when full. Drops are counted and reported to the
/// reader as a <c>gap</c> before the next item, so a slow reader costs a fixed amount of memory, never holds
/// up the replica's fan-out, and learns that it must re-read rather than silently missing alerts.
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly Channel<FeedItem> _items;
    private readonly Action<FeedSubscription> _unsubscribe;
    private int _dropped;

    public FeedSubscription(Recipient recipient, int capacity, Action<FeedSubscription> unsubscribe)
    {
        Recipient = recipient;
        _unsubscribe = unsubscribe;
        _items = Channel.CreateBounded<FeedItem>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public Recipient Recipient { get; }

    /// <summary>Items waiting for the reader (never more than the capacity).</summary>
    public int Buffered => _items.Reader.Count;

    /// <summary>Never waits: the fan-out must not be held up by one reader.</summary>
    public void Offer(FeedAlert alert) => _items.Writer.TryWrite(FeedItem.For(alert));

    /// <summary>The replica may have missed alerts (its LISTEN connection was lost): the reader should re-read.</summary>
    public void Resync() => _items.Writer.TryWrite(FeedItem.Gap(null, FeedItem.Resync));

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _items.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The next item; a gap notice first when alerts were dropped since the last read.</summary>
    public bool TryRead(out FeedItem item)
    {
        if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
        {
            item = FeedItem.Gap(dropped, FeedItem.SlowReader);
            return true;
        }

        return _items.Reader.TryRead(out item!);
    }

    public async IAsyncEnumerable<FeedItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await WaitToReadAsync(cancellationToken))
        {
            while (TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    public void Dispose()
    {
        _items.Writer.TryComplete();
        _unsubscribe(this);
    }
}
