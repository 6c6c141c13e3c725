using System.Threading.Channels;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Features.LiveFeed;

/// <summary>
/// One watched scope and window on this replica. A single pump re-reads the values when told of a change (or every
/// <see cref="KpiFeedOptions.RefreshInterval"/>), and offers each subscriber the KPIs that changed since the last
/// read, or a snapshot if it is new. Changes arriving during a read are folded into the next one, so a burst of
/// folds costs a couple of reads, not one per fold.
/// </summary>
public sealed partial class KpiFeedTopic : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<KpiFeedSubscription> _subscribers = [];
    private readonly HashSet<KpiFeedSubscription> _needSnapshot = [];
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<KpiScope, KpiPeriod, DateTimeOffset, CancellationToken, Task<KpiAnswer>> _read;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refresh;
    private readonly ILogger _logger;
    private readonly Task _pump;
    private Dictionary<string, (double? Value, long Samples)> _last = [];

    public KpiFeedTopic(
        KpiScope scope, LiveWindow window, Func<KpiScope, KpiPeriod, DateTimeOffset, CancellationToken, Task<KpiAnswer>> read,
        TimeProvider time, TimeSpan refresh, ILogger logger)
    {
        Scope = scope;
        Window = window;
        _read = read;
        _time = time;
        _refresh = refresh;
        _logger = logger;
        _pump = Task.Run(() => PumpAsync(_stop.Token));
    }

    public KpiScope Scope { get; }
    public LiveWindow Window { get; }

    public void Add(KpiFeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Add(subscription);
            _needSnapshot.Add(subscription);
        }

        Changed();
    }

    /// <summary>Returns true when nobody is left.</summary>
    public bool Remove(KpiFeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
            _needSnapshot.Remove(subscription);
            return _subscribers.Count == 0;
        }
    }

    /// <summary>Something may have changed: read again soon. Never blocks.</summary>
    public void Changed() => _changed.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            using (var refresh = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                refresh.CancelAfter(_refresh);
                try
                {
                    await _changed.Reader.ReadAsync(refresh.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Nothing announced for a while: read anyway, values age out of windows.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                await ReadAndOfferAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogReadFailed(e, Scope.Name, Scope.Id);
                await Task.Delay(TimeSpan.FromMilliseconds(500), _time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                Changed();
            }
        }
    }

    private async Task ReadAndOfferAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var answer = await _read(Scope, Window.EndingAt(now), now, ct);
        var values = answer.Results.ToDictionary(r => r.Definition.Name, r => (r.Value, r.SampleCount));
        var changed = answer.Results.Where(r => !_last.TryGetValue(r.Definition.Name, out var before) || before != (r.Value, r.SampleCount)).ToList();
        var snapshot = new KpiFeedUpdate(true, answer.Period, answer.Results, now, answer.FromRedis, answer.Degraded);
        var change = snapshot with { Snapshot = false, Kpis = changed };
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                if (_needSnapshot.Contains(subscriber))
                {
                    subscriber.Offer(snapshot);
                }
                else if (changed.Count > 0)
                {
                    subscriber.Offer(change);
                }
            }

            _needSnapshot.Clear();
            _last = values;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed could not read {Scope} {ScopeId}; retrying")]
    private partial void LogReadFailed(Exception exception, string scope, string? scopeId);
}
