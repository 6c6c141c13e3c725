using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// Sends due deliveries, one lane per channel (webhook, email) so a slow SMTP server never holds up webhooks
/// or the reverse. Each delivery is claimed with <c>FOR UPDATE SKIP LOCKED</c> (so replicas never take the
/// same row) and leased by pushing its <c>next_attempt_at</c> past the attempt's timeout; the row is only
/// marked delivered after the receiver accepted it. A crash mid-send leaves the row pending and it is sent
/// again when the lease runs out: at-least-once, and receivers deduplicate by the delivery id (the webhook
/// id header, the email Message-Id). Sends run concurrently up to the lane's limit, and a lane claims more as
/// soon as any finishes. For webhooks the claim itself isolates endpoints (<see cref="EndpointLimits"/>): it takes
/// no more rows for an endpoint than its in-flight cap leaves room for, none while its circuit is open, and one
/// probe when half-open, so a hanging receiver can hold a few slots for one timeout and never the lane.
/// Outcomes are written by the lane's <see cref="AttemptRecorder"/>, many attempts to a transaction under load.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    IEnumerable<IDeliverySender> senders,
    DeliverySignal signal,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.Select(sender => Task.Run(() => RunLaneAsync(sender, stoppingToken), CancellationToken.None)));

    private async Task RunLaneAsync(IDeliverySender sender, CancellationToken stoppingToken)
    {
        var lane = sender.Lane;
        var recorder = new AttemptRecorder(scopes, sender.Channel, lane, time, logger);
        var recording = recorder.RunAsync(stoppingToken);
        var inFlight = new HashSet<Task>();
        // One outstanding wait on the signal at a time, kept across rounds, so waits never pile up.
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveWhere(t => t.IsCompleted);
            var free = lane.MaxConcurrency - inFlight.Count;
            IReadOnlyList<ClaimedDelivery> claimed = [];
            if (free > 0)
            {
                try
                {
                    claimed = await ClaimAsync(sender.Channel, lane, free, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogClaimFailed(e, sender.Channel);
                }
            }

            foreach (var delivery in claimed)
            {
                inFlight.Add(Task.Run(() => AttemptAsync(sender, recorder, delivery, stoppingToken), CancellationToken.None));
            }

            // A full claim means more may be due: go again at once (if a slot is free).
            if (claimed.Count > 0 && claimed.Count == free)
            {
                continue;
            }

            try
            {
                wake ??= signal.WaitAsync(sender.Channel, stoppingToken);
                await Task.WhenAny([.. inFlight, wake, Task.Delay(lane.PollInterval, time, stoppingToken)]);
                if (wake.IsCompleted)
                {
                    wake = null;
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        await Task.WhenAll(inFlight);
        recorder.Complete();
        await recording;
    }

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string channel, DeliveryLane lane, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The lease outlasts one attempt with room to record it; after that, the row is due again.
        var leaseUntil = now + lane.Timeout + lane.Timeout + TimeSpan.FromSeconds(5);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (lane.PerEndpoint is not null)
        {
            // Claims of this channel take turns across replicas, so two of them cannot both see room under an
            // endpoint's cap and together go past it. A claim is one short statement.
            await using var turn = connection.CreateCommand();
            turn.Transaction = transaction;
            turn.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended('notifications.deliveries.claim.' || @channel, 0))";
            AddParameter(turn, "channel", channel);
            await turn.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = lane.PerEndpoint is null ? ClaimSql : ClaimPerEndpointSql;
        AddParameter(command, "lease", leaseUntil);
        AddParameter(command, "channel", channel);
        AddParameter(command, "now", now);
        AddParameter(command, "limit", limit);
        if (lane.PerEndpoint is { } limits)
        {
            AddParameter(command, "cap", limits.MaxInFlight);
        }

        var claimed = new List<ClaimedDelivery>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedDelivery(
                    reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetString(7), reader.GetInt32(8),
                    reader.IsDBNull(9) ? "" : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.GetBoolean(11)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private const string ClaimReturning = """
        RETURNING d.id, d.alert_id, d.rule_id, d.channel, d.url, d.recipient, d.subject, d.payload, d.attempts,
                  (SELECT r.webhook_secret FROM subscription_rules r WHERE r.id = d.rule_id),
                  d.endpoint,
                  EXISTS (SELECT 1 FROM endpoint_circuits c WHERE c.endpoint = d.endpoint)
        """;

    /// <summary>The oldest due rows of the channel, whoever they go to (email: one SMTP relay, and no endpoint).</summary>
    private const string ClaimSql = """
        UPDATE deliveries d SET next_attempt_at = @lease, leased_until = @lease
        FROM (SELECT id FROM deliveries
              WHERE status = 'pending' AND endpoint IS NULL AND channel = @channel AND next_attempt_at <= @now
              ORDER BY next_attempt_at
              LIMIT @limit
              FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        """ + "\n" + ClaimReturning;

    /// <summary>
    /// The oldest due rows of the channel, but from each endpoint only as many as it has room for: the cap less what
    /// is in flight to it (unexpired leases, any replica's); none while its circuit is open, one probe when half-open.
    /// The endpoints with pending rows are found by skipping through the index (one probe per endpoint, however
    /// long its backlog), so a dead receiver's thousands of rows cost nothing while its circuit is open.
    /// </summary>
    private const string ClaimPerEndpointSql = """
        WITH RECURSIVE endpoints AS (
            (SELECT endpoint FROM deliveries
             WHERE status = 'pending' AND channel = @channel AND endpoint IS NOT NULL
             ORDER BY endpoint LIMIT 1)
            UNION ALL
            SELECT (SELECT p.endpoint FROM deliveries p
                    WHERE p.status = 'pending' AND p.channel = @channel AND p.endpoint > e.endpoint
                    ORDER BY p.endpoint LIMIT 1)
            FROM endpoints e WHERE e.endpoint IS NOT NULL
        ),
        room AS (
            SELECT e.endpoint,
                   CASE WHEN c.open_until > @now THEN 0 WHEN c.open_until IS NOT NULL THEN 1 ELSE @cap END
                   - (SELECT count(*) FROM deliveries b
                      WHERE b.status = 'pending' AND b.channel = @channel AND b.endpoint = e.endpoint
                        AND b.next_attempt_at > @now AND b.leased_until > @now) AS free
            FROM endpoints e LEFT JOIN endpoint_circuits c ON c.endpoint = e.endpoint
            WHERE e.endpoint IS NOT NULL
        ),
        due AS (
            SELECT picked.id, picked.next_attempt_at
            FROM room CROSS JOIN LATERAL (
                SELECT q.id, q.next_attempt_at FROM deliveries q
                WHERE q.status = 'pending' AND q.channel = @channel AND q.endpoint = room.endpoint AND q.next_attempt_at <= @now
                ORDER BY q.next_attempt_at
                LIMIT greatest(room.free, 0)
                FOR UPDATE SKIP LOCKED) picked
            WHERE room.free > 0
            ORDER BY picked.next_attempt_at
            LIMIT @limit
        )
        UPDATE deliveries d SET next_attempt_at = @lease, leased_until = @lease
        FROM due
        WHERE d.id = due.id
        """ + "\n" + ClaimReturning;

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task AttemptAsync(IDeliverySender sender, AttemptRecorder recorder, ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var attemptedAt = time.GetUtcNow();
            var started = Stopwatch.GetTimestamp();
            SendResult result;
            try
            {
                result = await sender.SendAsync(delivery, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                result = new SendResult(null, e.Message);
            }

            if (result.DeferFor is { } delay)
            {
                await DeferAsync(delivery.Id, delay, stoppingToken);
                return;
            }

            await recorder.RecordAsync(delivery, attemptedAt, result, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-send: nothing recorded, the lease runs out and another replica (or this one, restarted) resends.
        }
        catch (Exception e)
        {
            LogAttemptFailed(e, delivery.Id);
        }
    }

    private async Task DeferAsync(Guid id, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var until = time.GetUtcNow() + delay * (1 + Random.Shared.NextDouble() / 4);
        await db.Deliveries.Where(d => d.Id == id && d.Status == DeliveryStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until).SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due {Channel} deliveries failed")]
    private partial void LogClaimFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} attempt could not be recorded; it is resent when its lease ends")]
    private partial void LogAttemptFailed(Exception exception, Guid deliveryId);

}
