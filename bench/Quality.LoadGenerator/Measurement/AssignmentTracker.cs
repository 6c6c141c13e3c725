using System.Collections.Concurrent;

namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Matches complaints sent by the generator with the <c>CaseAssigned</c> events whose correlation id is their
/// feedback id. Either side may come first: an event can overtake the HTTP answer that announced the item.
/// </summary>
public sealed class AssignmentTracker
{
    private readonly ConcurrentDictionary<Guid, (long SentAt, StageMetrics? Stage)> _waiting = new();
    private readonly ConcurrentDictionary<Guid, long> _early = new();
    private long _assigned;

    public long AssignedTotal => Interlocked.Read(ref _assigned);

    public int Waiting => _waiting.Count;

    /// <summary>A complaint was stored; <paramref name="stage"/> is null during warm-up (not measured).</summary>
    public void Register(Guid feedbackId, long sentAt, StageMetrics? stage)
    {
        if (_early.TryRemove(feedbackId, out var assignedAt))
        {
            Record(sentAt, assignedAt, stage);
            return;
        }

        _waiting[feedbackId] = (sentAt, stage);
        // Re-check: the event may have arrived between the two lookups.
        if (_early.TryRemove(feedbackId, out assignedAt) && _waiting.TryRemove(feedbackId, out var entry))
        {
            Record(entry.SentAt, assignedAt, entry.Stage);
        }
    }

    /// <summary>A <c>CaseAssigned</c> event arrived; only the first assignment of a case counts.</summary>
    public void OnAssigned(Guid correlationId, long receivedAt)
    {
        if (_waiting.TryRemove(correlationId, out var entry))
        {
            Record(entry.SentAt, receivedAt, entry.Stage);
            return;
        }

        _early.TryAdd(correlationId, receivedAt);
        if (_waiting.TryRemove(correlationId, out entry) && _early.TryRemove(correlationId, out var assignedAt))
        {
            Record(entry.SentAt, assignedAt, entry.Stage);
        }
    }

    /// <summary>Complaints of a stage still without an assignment.</summary>
    public int WaitingFor(StageMetrics stage) => _waiting.Values.Count(v => ReferenceEquals(v.Stage, stage));

    private void Record(long sentAt, long assignedAt, StageMetrics? stage)
    {
        Interlocked.Increment(ref _assigned);
        stage?.Assigned.Add(Math.Max(0, Clock.MillisecondsBetween(sentAt, assignedAt)));
    }
}
