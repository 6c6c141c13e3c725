using System.Collections.Concurrent;

namespace Quality.Notifications.Benchmark.Measurement;

/// <summary>
/// Matches webhook requests at the healthy receivers to the events published: the first request for an
/// (event, receiver) pair is a delivery with a latency, any later one a duplicate. Thread-safe: receivers
/// record from Kestrel's threads while the publisher registers events.
/// </summary>
public sealed class DeliveryTracker
{
    private readonly ConcurrentDictionary<Guid, PublishedEvent> _published = new();
    private readonly ConcurrentDictionary<(Guid EventId, int Receiver), Guid> _seen = new();
    private readonly ConcurrentDictionary<int, List<Arrival>> _arrivals = new();
    private readonly ConcurrentDictionary<int, int> _duplicates = new();
    private int _unknown;

    /// <summary>Requests for events this run never published (or that arrived before being registered).</summary>
    public int Unknown => Volatile.Read(ref _unknown);

    public void Published(PublishedEvent evt) => _published[evt.EventId] = evt;

    /// <summary>An event the broker refused: it was never sent, so nothing of it is expected.</summary>
    public void Forget(Guid eventId) => _published.TryRemove(eventId, out _);

    public ArrivalOutcome Arrived(Guid eventId, Guid alertId, int receiver, long arrivedAt)
    {
        if (!_published.TryGetValue(eventId, out var evt))
        {
            Interlocked.Increment(ref _unknown);
            return ArrivalOutcome.Unknown;
        }

        if (!_seen.TryAdd((eventId, receiver), alertId))
        {
            _duplicates.AddOrUpdate(evt.Stage, 1, (_, n) => n + 1);
            return ArrivalOutcome.Duplicate;
        }

        var list = _arrivals.GetOrAdd(evt.Stage, _ => []);
        lock (list)
        {
            list.Add(new Arrival(eventId, receiver, evt.PublishedAt, arrivedAt, evt.Measured));
        }

        return ArrivalOutcome.First;
    }

    /// <summary>Events published in <paramref name="stage"/> (warm-up included or not).</summary>
    public int PublishedCount(int stage, bool measuredOnly) =>
        _published.Values.Count(e => e.Stage == stage && (!measuredOnly || e.Measured));

    /// <summary>First deliveries in <paramref name="stage"/> (warm-up included).</summary>
    public int ArrivedCount(int stage)
    {
        if (!_arrivals.TryGetValue(stage, out var list))
        {
            return 0;
        }

        lock (list)
        {
            return list.Count;
        }
    }

    public int Duplicates(int stage) => _duplicates.GetValueOrDefault(stage);

    /// <summary>A copy of the stage's first deliveries.</summary>
    public IReadOnlyList<Arrival> Arrivals(int stage)
    {
        if (!_arrivals.TryGetValue(stage, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }
}
