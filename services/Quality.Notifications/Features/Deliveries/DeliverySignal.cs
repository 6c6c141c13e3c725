using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Quality.Notifications.Features.Deliveries;

/// <summary>Wakes the delivery worker's lanes when a consumer has committed new deliveries, so they need not wait for their next poll.</summary>
public sealed class DeliverySignal
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _lanes = new();

    public void Notify()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Writer.TryWrite(true);
        }
    }

    public async Task WaitAsync(string lane, CancellationToken cancellationToken) =>
        await _lanes.GetOrAdd(lane, _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))
            .Reader.ReadAsync(cancellationToken);
}
