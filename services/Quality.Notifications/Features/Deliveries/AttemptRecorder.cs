using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// Records one lane's attempts a batch at a time: whatever finished while the previous batch was being written goes
/// in the next one, so under load one transaction records many attempts and when idle an attempt is recorded at
/// once. Each attempt's sender waits until its outcome is committed (its lease, which the per-endpoint cap counts,
/// ends only then). When a batch fails (say, it deadlocks with a rule's deletion cancelling the same rows), each
/// attempt of it is recorded in a transaction of its own, so one bad row cannot keep the others unrecorded.
/// </summary>
public sealed partial class AttemptRecorder(IServiceScopeFactory scopes, string channel, DeliveryLane lane, TimeProvider time, ILogger logger)
{
    /// <summary>Attempts recorded in one transaction at most.</summary>
    public const int BatchLimit = 256;

    private readonly Channel<Outcome> _outcomes = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes when the attempt is committed; throws what recording it threw.</summary>
    public async Task RecordAsync(ClaimedDelivery claimed, DateTimeOffset attemptedAt, SendResult result, long latencyMs)
    {
        var outcome = new Outcome(claimed, attemptedAt, result, latencyMs, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_outcomes.Writer.TryWrite(outcome))
        {
            throw new InvalidOperationException("The lane has stopped recording attempts.");
        }

        await outcome.Recorded.Task;
    }

    /// <summary>
    /// Writes batches until <see cref="Complete"/> is called and every outcome handed in is written (or failed:
    /// once <paramref name="stoppingToken"/> fires, writes are cancelled and their leases run out instead).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var reader = _outcomes.Reader;
        var batch = new List<Outcome>(BatchLimit);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchLimit && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            try
            {
                await WriteAsync(batch, stoppingToken);
                batch.ForEach(o => o.Recorded.TrySetResult());
            }
            catch (Exception e) when (batch.Count > 1 && !stoppingToken.IsCancellationRequested)
            {
                LogBatchFailed(e, channel, batch.Count);
                foreach (var outcome in batch)
                {
                    await WriteOneAsync(outcome, stoppingToken);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(o => o.Recorded.TrySetException(e));
            }

            batch.Clear();
        }
    }

    /// <summary>No more attempts will be handed in: <see cref="RunAsync"/> ends once it has written those it has.</summary>
    public void Complete() => _outcomes.Writer.TryComplete();

    private async Task WriteOneAsync(Outcome outcome, CancellationToken stoppingToken)
    {
        try
        {
            await WriteAsync([outcome], stoppingToken);
            outcome.Recorded.TrySetResult();
        }
        catch (Exception e)
        {
            outcome.Recorded.TrySetException(e);
        }
    }

    private async Task WriteAsync(IReadOnlyList<Outcome> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        // Locked in key order, so two replicas' batches wait on each other instead of deadlocking, and a rule deleted
        // meanwhile cannot have its cancellation overwritten by these attempts' outcomes.
        var ids = batch.Select(o => o.Claimed.Id).Distinct().Order().ToArray();
        var deliveries = await db.Deliveries.FromSql($"SELECT * FROM deliveries WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var outcome in batch)
        {
            var delivery = deliveries[outcome.Claimed.Id];
            var error = outcome.Result.Error is null ? null : Truncate(outcome.Result.Error);
            Apply(delivery, outcome.Result, error, now);
            db.DeliveryAttempts.Add(DeliveryAttempt.For(
                delivery, outcome.AttemptedAt, delivery.Status == DeliveryStatuses.Pending ? "retry" : delivery.Status, error,
                outcome.Result.StatusCode, outcome.LatencyMs));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (lane.PerEndpoint is { } limits)
        {
            foreach (var outcome in batch)
            {
                if (outcome.Claimed.Endpoint is { } endpoint)
                {
                    var error = outcome.Result.Error is null ? null : Truncate(outcome.Result.Error);
                    await UpdateCircuitAsync(db, endpoint, outcome.Claimed.EndpointTroubled, limits, outcome.Result, error, now, cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The delivery as its attempt left it: delivered, retried after a backoff, or dead-lettered.</summary>
    private void Apply(Delivery delivery, SendResult result, string? error, DateTimeOffset now)
    {
        var cancelled = delivery.Status == DeliveryStatuses.Cancelled;
        delivery.Attempts++;
        delivery.LeasedUntil = null;
        if (error is null)
        {
            // Even a cancelled delivery that arrived while its rule was being deleted is recorded as what it was.
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.CompletedAt = now;
            delivery.LastError = null;
        }
        else if (cancelled)
        {
            delivery.LastError = error;
        }
        else if (result.Permanent || delivery.Attempts >= lane.MaxAttempts)
        {
            delivery.Status = DeliveryStatuses.Dead;
            delivery.CompletedAt = now;
            delivery.LastError = error;
            LogDeadLettered(delivery.Channel, delivery.Id, delivery.Attempts, error);
        }
        else
        {
            delivery.NextAttemptAt = now + Backoff.After(delivery.Attempts, lane.BaseDelay, lane.MaxDelay, Random.Shared.NextDouble());
            delivery.LastError = error;
        }

        if (delivery.Kind == DeliveryKinds.Survey && delivery.Status != DeliveryStatuses.Pending)
        {
            // A customer's address and their one-time link are kept only as long as the send needs them.
            delivery.Recipient = null;
            delivery.Payload = "";
        }
    }

    /// <summary>
    /// A receiver failure counts towards opening the endpoint's circuit (and reopens a half-open one); any answer
    /// from a working receiver closes it. Healthy endpoints have no row, so their sends cost nothing here.
    /// </summary>
    private async Task UpdateCircuitAsync(
        NotificationsDbContext db, string endpoint, bool troubled, EndpointLimits limits, SendResult result, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!result.EndpointFault)
        {
            if (troubled && await db.EndpointCircuits.Where(c => c.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                LogCircuitClosed(endpoint);
            }

            return;
        }

        // To PostgreSQL's microseconds, so the value read back compares equal when this failure opened the circuit.
        var openUntil = now + limits.BreakDuration;
        openUntil = openUntil.AddTicks(-(openUntil.Ticks % 10));
        // Materialised as is (ToList): EF cannot compose a query over an INSERT.
        var opened = (await db.Database.SqlQuery<DateTimeOffset?>($"""
            INSERT INTO endpoint_circuits AS c (endpoint, consecutive_failures, open_until, last_error, updated_at)
            VALUES ({endpoint}, 1, CASE WHEN 1 >= {limits.FailureThreshold} THEN {openUntil} END, {error}, {now})
            ON CONFLICT (endpoint) DO UPDATE SET
                consecutive_failures = c.consecutive_failures + 1,
                open_until = CASE WHEN c.consecutive_failures + 1 >= {limits.FailureThreshold} OR c.open_until IS NOT NULL
                                  THEN {openUntil} ELSE c.open_until END,
                last_error = excluded.last_error,
                updated_at = excluded.updated_at
            RETURNING c.open_until AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        if (opened == openUntil)
        {
            LogCircuitOpen(endpoint, openUntil, error ?? "");
        }
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];

    private sealed record Outcome(ClaimedDelivery Claimed, DateTimeOffset AttemptedAt, SendResult Result, long LatencyMs, TaskCompletionSource Recorded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a batch of {Count} {Channel} attempts failed; recording them one by one")]
    private partial void LogBatchFailed(Exception exception, string channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Endpoint} circuit open until {OpenUntil}: {Error}")]
    private partial void LogCircuitOpen(string endpoint, DateTimeOffset openUntil, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {Endpoint} answered again; its circuit is closed")]
    private partial void LogCircuitClosed(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery {DeliveryId} dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(string channel, Guid deliveryId, int attempts, string error);
}
