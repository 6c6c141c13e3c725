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
/// soon as any finishes, so a hanging receiver holds one slot for one timeout and nothing else.
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
                inFlight.Add(Task.Run(() => AttemptAsync(sender, delivery, stoppingToken), CancellationToken.None));
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
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE deliveries d SET next_attempt_at = @lease
            FROM (SELECT id FROM deliveries
                  WHERE status = 'pending' AND channel = @channel AND next_attempt_at <= @now
                  ORDER BY next_attempt_at
                  LIMIT @limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.alert_id, d.rule_id, d.channel, d.url, d.recipient, d.subject, d.payload, d.attempts,
                      (SELECT r.webhook_secret FROM subscription_rules r WHERE r.id = d.rule_id)
            """;
        AddParameter(command, "lease", leaseUntil);
        AddParameter(command, "channel", channel);
        AddParameter(command, "now", now);
        AddParameter(command, "limit", limit);

        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? "" : reader.GetString(9)));
        }

        return claimed;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task AttemptAsync(IDeliverySender sender, ClaimedDelivery delivery, CancellationToken stoppingToken)
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

            await RecordAsync(sender, delivery, attemptedAt, result, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, stoppingToken);
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

    private async Task RecordAsync(IDeliverySender sender, ClaimedDelivery claimed, DateTimeOffset attemptedAt, SendResult result, long latencyMs, CancellationToken cancellationToken)
    {
        var lane = sender.Lane;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == claimed.Id, cancellationToken);
        var now = time.GetUtcNow();
        var error = result.Error is null ? null : Truncate(result.Error);
        delivery.Attempts++;
        if (error is null)
        {
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.CompletedAt = now;
            delivery.LastError = null;
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

        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            DeliveryId = delivery.Id,
            AlertId = delivery.AlertId,
            RuleId = delivery.RuleId,
            Channel = delivery.Channel,
            Attempt = delivery.Attempts,
            AttemptedAt = attemptedAt,
            StatusCode = result.StatusCode,
            LatencyMs = latencyMs,
            Error = error,
            Outcome = delivery.Status == DeliveryStatuses.Pending ? "retry" : delivery.Status,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task DeferAsync(Guid id, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var until = time.GetUtcNow() + delay * (1 + Random.Shared.NextDouble() / 4);
        await db.Deliveries.Where(d => d.Id == id && d.Status == DeliveryStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until), cancellationToken);
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due {Channel} deliveries failed")]
    private partial void LogClaimFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} attempt could not be recorded; it is resent when its lease ends")]
    private partial void LogAttemptFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery {DeliveryId} dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(string channel, Guid deliveryId, int attempts, string error);
}
