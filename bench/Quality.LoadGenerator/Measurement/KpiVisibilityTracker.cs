namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Stored → visible in Scoring's live KPIs. Scoring only answers counts, so items are matched to the count
/// in the order they were stored: the k-th item stored since the start is taken as visible at the first poll
/// whose feedback-item count has grown by k. When items overtake each other this is an approximation; it never
/// reports an item visible before the count allows it. Resolution is the poll interval.
/// </summary>
public sealed class KpiVisibilityTracker
{
    private readonly Queue<(long StoredAt, StageMetrics? Stage)> _pending = new();
    private readonly Lock _gate = new();
    private long? _baseline;
    private long _visible;

    public long Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public long VisibleTotal => Interlocked.Read(ref _visible);

    public bool HasBaseline
    {
        get
        {
            lock (_gate)
            {
                return _baseline is not null;
            }
        }
    }

    /// <summary><paramref name="items"/> items were stored at <paramref name="storedAt"/>.</summary>
    public void OnStored(long storedAt, StageMetrics? stage, int items)
    {
        lock (_gate)
        {
            for (var i = 0; i < items; i++)
            {
                _pending.Enqueue((storedAt, stage));
            }
        }
    }

    /// <summary>Scoring's feedback-item count at <paramref name="polledAt"/>; the first observation is the baseline.</summary>
    public void OnCount(long count, long polledAt)
    {
        lock (_gate)
        {
            if (_baseline is null)
            {
                _baseline = count;
                return;
            }

            var grown = count - _baseline.Value;
            while (_visible < grown && _pending.TryDequeue(out var item))
            {
                _visible++;
                item.Stage?.KpiVisible.Add(Math.Max(0, Clock.MillisecondsBetween(item.StoredAt, polledAt)));
            }
        }
    }
}
