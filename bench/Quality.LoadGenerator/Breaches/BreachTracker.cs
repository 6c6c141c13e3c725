using System.Collections.Concurrent;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// Matches the complaints sent with the run's breach tier with the <c>SlaBreached</c> webhooks whose correlation id is
/// their feedback id, and records SLA deadline → webhook received. Either side may come first. Agents leave a
/// complaint alone while it waits for its breach (<see cref="IsWaiting"/>), so it breaches; after
/// <see cref="GiveUpAfter"/> they take it anyway, so a lost webhook never pins an agent's capacity.
/// </summary>
public sealed class BreachTracker(TimeProvider time)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset RegisteredAt, StageMetrics? Stage)> _waiting = new();
    private readonly ConcurrentDictionary<Guid, double> _early = new();
    private readonly ConcurrentDictionary<Guid, byte> _delivered = new();
    private long _repeats;

    /// <summary>Webhooks for a breach already received: a sender's retry or a second alert (reported, never expected).</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    public long Delivered => _delivered.Count;

    /// <summary>A breach complaint was stored; <paramref name="stage"/> is null during warm-up (not measured).</summary>
    public void Register(Guid feedbackId, StageMetrics? stage)
    {
        if (_early.TryRemove(feedbackId, out var milliseconds))
        {
            stage?.BreachAlerted.Add(milliseconds);
            return;
        }

        _waiting[feedbackId] = (time.GetUtcNow(), stage);
        // Re-check: the webhook may have arrived between the two lookups.
        if (_early.TryRemove(feedbackId, out milliseconds) && _waiting.TryRemove(feedbackId, out var entry))
        {
            entry.Stage?.BreachAlerted.Add(milliseconds);
        }
    }

    /// <summary>True while the complaint's breach has not been alerted and it is not yet given up on.</summary>
    public bool IsWaiting(Guid feedbackId) =>
        _waiting.TryGetValue(feedbackId, out var entry) && time.GetUtcNow() - entry.RegisteredAt < GiveUpAfter;

    /// <summary>
    /// A webhook for the breach of the case opened from <paramref name="correlationId"/>'s complaint, received at
    /// <paramref name="receivedAt"/>; <paramref name="dueAt"/> is the deadline that passed. Both are wall-clock instants
    /// of this one machine.
    /// </summary>
    public void OnDelivered(Guid correlationId, DateTimeOffset dueAt, DateTimeOffset receivedAt)
    {
        if (!_delivered.TryAdd(correlationId, 0))
        {
            Interlocked.Increment(ref _repeats);
            return;
        }

        var milliseconds = Math.Max(0, (receivedAt - dueAt).TotalMilliseconds);
        if (_waiting.TryRemove(correlationId, out var entry))
        {
            entry.Stage?.BreachAlerted.Add(milliseconds);
            return;
        }

        _early[correlationId] = milliseconds;
        if (_waiting.TryRemove(correlationId, out entry) && _early.TryRemove(correlationId, out milliseconds))
        {
            entry.Stage?.BreachAlerted.Add(milliseconds);
        }
    }

    /// <summary>Breach complaints of a stage whose webhook has not come.</summary>
    public int WaitingFor(StageMetrics stage) => _waiting.Values.Count(v => ReferenceEquals(v.Stage, stage));
}
