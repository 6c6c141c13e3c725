using Grpc.Core;
using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Grpc;

namespace Quality.Scoring.Benchmark.Feed;

/// <summary>
/// One WatchKpis stream. It follows the scope's CSAT answer count (<c>csat_percent</c>'s sample count): when armed
/// for a change, the change has arrived once the count reaches one more than it was when armed, and the time
/// since arming is the change's latency to this subscriber.
/// </summary>
public sealed class FeedSubscriber(string scope, string scopeId)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _csat = -1;
    private long _target;
    private long _armedAt;
    private bool _armed;

    public string Scope { get; } = scope;
    public string ScopeId { get; } = scopeId;

    /// <summary>Open (request sent) to snapshot received, in ms; NaN until then.</summary>
    public double ConnectMilliseconds { get; private set; } = double.NaN;

    public Task Snapshot => _snapshot.Task;

    /// <summary>The stream ended or failed (null while it is open).</summary>
    public string? Ended { get; private set; }

    public bool Armed
    {
        get
        {
            lock (_gate)
            {
                return _armed;
            }
        }
    }

    /// <summary>Whether a change to <paramref name="agent"/>'s KPIs (in <paramref name="team"/>) shows in this scope.</summary>
    public bool Sees(string team, string agent) => Scope switch
    {
        "org" => true,
        "team" => ScopeId == team,
        _ => ScopeId == agent,
    };

    /// <summary>Reads the stream until <paramref name="ct"/> is cancelled; latencies of observed changes go to <paramref name="latencies"/>.</summary>
    public async Task RunAsync(ScoringConnection scoring, LatencyRecorder latencies, CancellationToken ct)
    {
        var opened = Clock.Now;
        try
        {
            using var call = scoring.Grpc.WatchKpis(new WatchKpisRequest { Scope = Scope, ScopeId = ScopeId, Period = "last_hour" }, scoring.Headers, cancellationToken: ct);
            await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
            {
                var now = Clock.Now;
                var csat = message.Kpis.FirstOrDefault(k => k.Name == "csat_percent")?.SampleCount;
                if (Observe(csat, now) is { } latency)
                {
                    latencies.Add(latency);
                }

                if (!_snapshot.Task.IsCompleted)
                {
                    ConnectMilliseconds = Clock.MillisecondsBetween(opened, now);
                    _snapshot.TrySetResult();
                }
            }

            Ended = "the server ended the stream";
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (RpcException e)
        {
            Ended = $"{e.StatusCode}: {e.Status.Detail}";
        }
        finally
        {
            _snapshot.TrySetResult();
        }
    }

    /// <summary>Expects one more CSAT answer than seen so far, timed from <paramref name="at"/> (a <see cref="Clock"/> timestamp).</summary>
    public void Arm(long at)
    {
        lock (_gate)
        {
            _target = Math.Max(_csat, 0) + 1;
            _armedAt = at;
            _armed = true;
        }
    }

    /// <summary>Gives up on the armed change (it did not arrive in time); returns whether it was still awaited.</summary>
    public bool Disarm()
    {
        lock (_gate)
        {
            var was = _armed;
            _armed = false;
            return was;
        }
    }

    /// <summary>
    /// Takes a message's CSAT count (null when the message leaves it out: unchanged) received at <paramref name="now"/>;
    /// returns the latency in ms when it completes the armed change.
    /// </summary>
    internal double? Observe(long? csat, long now)
    {
        lock (_gate)
        {
            if (csat is not { } count)
            {
                return null;
            }

            _csat = count;
            if (!_armed || count < _target)
            {
                return null;
            }

            _armed = false;
            return Clock.MillisecondsBetween(_armedAt, now);
        }
    }
}
