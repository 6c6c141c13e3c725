using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// Sends due webhook deliveries. Each is claimed with <c>FOR UPDATE SKIP LOCKED</c> (so replicas never take
/// the same row) and leased by pushing its <c>next_attempt_at</c> past the attempt's timeout; the row is only
/// marked delivered after the receiver answered 2xx. A crash mid-send leaves the row pending and it is sent
/// again when the lease runs out: at-least-once, and receivers deduplicate by <c>Quality-Webhook-Id</c>.
/// Sends run concurrently up to <see cref="WebhookOptions.MaxConcurrency"/>, and the loop claims more as
/// soon as any finishes, so a hanging receiver holds one slot for one timeout and nothing else.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    EndpointCircuitBreakers breakers,
    DeliverySignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var inFlight = new HashSet<Task>();
        // One outstanding wait on the signal at a time, kept across rounds, so waits never pile up.
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveWhere(t => t.IsCompleted);
            var free = o.MaxConcurrency - inFlight.Count;
            IReadOnlyList<ClaimedDelivery> claimed = [];
            if (free > 0)
            {
                try
                {
                    claimed = await ClaimAsync(free, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogClaimFailed(e);
                }
            }

            foreach (var delivery in claimed)
            {
                inFlight.Add(Task.Run(() => AttemptAsync(delivery, stoppingToken), CancellationToken.None));
            }

            // A full claim means more may be due: go again at once (if a slot is free).
            if (claimed.Count > 0 && claimed.Count == free)
            {
                continue;
            }

            try
            {
                wake ??= signal.WaitAsync(stoppingToken);
                await Task.WhenAny([.. inFlight, wake, Task.Delay(o.PollInterval, time, stoppingToken)]);
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

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        // The lease outlasts one attempt with room to record it; after that, the row is due again.
        var leaseUntil = now + o.Timeout + o.Timeout + TimeSpan.FromSeconds(5);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE deliveries d SET next_attempt_at = @lease
            FROM (SELECT id FROM deliveries
                  WHERE status = 'pending' AND next_attempt_at <= @now
                  ORDER BY next_attempt_at
                  LIMIT @limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.alert_id, d.rule_id, d.url, d.payload, d.attempts,
                      (SELECT r.webhook_secret FROM subscription_rules r WHERE r.id = d.rule_id)
            """;
        AddParameter(command, "lease", leaseUntil);
        AddParameter(command, "now", now);
        AddParameter(command, "limit", limit);

        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? "" : reader.GetString(6)));
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

    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var url = new Uri(delivery.Url);
            var pipeline = breakers.For(url);
            var attemptedAt = time.GetUtcNow();
            var started = Stopwatch.GetTimestamp();
            int? statusCode = null;
            string? error = null;
            try
            {
                using var response = await pipeline.ExecuteAsync(
                    async ct => await SendAsync(delivery, url, ct), stoppingToken);
                statusCode = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"HTTP {statusCode}";
                }
            }
            catch (BrokenCircuitException)
            {
                // Not an attempt: the endpoint's circuit is open. Hold the delivery back until it may close.
                await DeferAsync(delivery.Id, options.Value.BreakerBreakDuration, stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                error = e is Polly.Timeout.TimeoutRejectedException ? $"timed out after {options.Value.Timeout.TotalMilliseconds:0} ms" : e.Message;
            }

            await RecordAsync(delivery, attemptedAt, statusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, error, stoppingToken);
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

    private async Task<HttpResponseMessage> SendAsync(ClaimedDelivery delivery, Uri url, CancellationToken cancellationToken)
    {
        var id = delivery.Id.ToString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigner.IdHeader, id);
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Secret, id, timestamp, delivery.Payload));
        var client = httpClients.CreateClient(HttpClientName);
        // Headers only: the receiver's body (garbage or not) is never read.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task RecordAsync(ClaimedDelivery claimed, DateTimeOffset attemptedAt, int? statusCode, long latencyMs, string? error, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == claimed.Id, cancellationToken);
        var now = time.GetUtcNow();
        delivery.Attempts++;
        if (error is null)
        {
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.CompletedAt = now;
            delivery.LastError = null;
        }
        else if (delivery.Attempts >= o.MaxAttempts)
        {
            delivery.Status = DeliveryStatuses.Dead;
            delivery.CompletedAt = now;
            delivery.LastError = Truncate(error);
            LogDeadLettered(delivery.Id, delivery.Attempts, error);
        }
        else
        {
            delivery.NextAttemptAt = now + Backoff.After(delivery.Attempts, o.BaseDelay, o.MaxDelay, Random.Shared.NextDouble());
            delivery.LastError = Truncate(error);
        }

        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            DeliveryId = delivery.Id,
            AlertId = delivery.AlertId,
            RuleId = delivery.RuleId,
            Channel = RuleChannels.Webhook,
            Attempt = delivery.Attempts,
            AttemptedAt = attemptedAt,
            StatusCode = statusCode,
            LatencyMs = latencyMs,
            Error = error is null ? null : Truncate(error),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due webhook deliveries failed")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} attempt could not be recorded; it is resent when its lease ends")]
    private partial void LogAttemptFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(Guid deliveryId, int attempts, string error);
}
