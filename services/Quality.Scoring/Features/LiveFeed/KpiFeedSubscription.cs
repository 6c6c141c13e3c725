using System.Threading.Channels;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveFeed;

/// <summary>
/// One subscriber's buffer. Updates are conflated: it holds at most one value per KPI (the latest wins), so a slow
/// subscriber costs at most one full snapshot of memory however far behind it falls, and it catches up with the latest
/// values rather than a backlog.
/// </summary>
public sealed class KpiFeedSubscription : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _ready = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Action<KpiFeedSubscription> _unsubscribe;
    private Dictionary<string, KpiResult> _pending = [];
    private KpiFeedUpdate? _latest;
    private bool _snapshot;
    private int _disposed;

    public KpiFeedSubscription(KpiScope scope, Action<KpiFeedSubscription> unsubscribe)
    {
        Scope = scope;
        _unsubscribe = unsubscribe;
    }

    public KpiScope Scope { get; }

    /// <summary>Values replaced in the buffer before the subscriber took them.</summary>
    public long Conflated { get; private set; }

    /// <summary>KPIs waiting to be taken; never more than there are KPIs.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Never blocks: merges the update into what is waiting and wakes the subscriber.</summary>
    public void Offer(KpiFeedUpdate update)
    {
        lock (_gate)
        {
            foreach (var kpi in update.Kpis)
            {
                if (_pending.ContainsKey(kpi.Definition.Name))
                {
                    Conflated++;
                }

                _pending[kpi.Definition.Name] = kpi;
            }

            _snapshot |= update.Snapshot;
            _latest = update;
        }

        _ready.Writer.TryWrite(true);
    }

    /// <summary>Waits for something to send and takes all of it: a snapshot if one is waiting, else the changed KPIs.</summary>
    public async Task<KpiFeedUpdate> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            await _ready.Reader.ReadAsync(ct);
            lock (_gate)
            {
                if (_pending.Count == 0 || _latest is null)
                {
                    continue;
                }

                var kpis = KpiDefinitions.All.Where(d => _pending.ContainsKey(d.Name)).Select(d => _pending[d.Name]).ToList();
                var update = _latest with { Snapshot = _snapshot, Kpis = kpis };
                _pending = [];
                _snapshot = false;
                return update;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
        }
    }
}
