using System.Collections.Concurrent;

namespace Quality.Routing.Benchmark.Measurement;

/// <summary>
/// Complaints published and waiting for their first <c>CaseAssigned</c> (whose correlation id is the feedback id).
/// A complaint is registered before it is published, so its event cannot arrive first.
/// </summary>
public sealed class AssignmentWaiter
{
    private readonly ConcurrentDictionary<Guid, long> _waiting = new();
    private long _assigned;
    private long _lastAssignedAt;

    public LatencyRecorder Latencies { get; } = new();

    public long Assigned => Interlocked.Read(ref _assigned);

    public int Waiting => _waiting.Count;

    /// <summary>When the last awaited assignment arrived (<see cref="Clock.Now"/>), 0 before the first.</summary>
    public long LastAssignedAt => Interlocked.Read(ref _lastAssignedAt);

    /// <param name="startedAt">Where latency counts from: the complaint's scheduled publish time.</param>
    public void Register(Guid feedbackId, long startedAt) => _waiting[feedbackId] = startedAt;

    /// <summary>A publish that failed is not awaited.</summary>
    public void Forget(Guid feedbackId) => _waiting.TryRemove(feedbackId, out _);

    /// <summary>Returns whether the assignment was one this waiter awaited (a reassignment or another run's is not).</summary>
    public bool OnAssigned(Guid feedbackId, long receivedAt)
    {
        if (!_waiting.TryRemove(feedbackId, out var startedAt))
        {
            return false;
        }

        Latencies.Add(Math.Max(0, Clock.MillisecondsBetween(startedAt, receivedAt)));
        Interlocked.Increment(ref _assigned);
        Interlocked.Exchange(ref _lastAssignedAt, receivedAt);
        return true;
    }
}
