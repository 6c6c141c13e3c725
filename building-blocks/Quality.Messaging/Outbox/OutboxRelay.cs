using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Quality.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows: woken right after a commit, and on a timer as the sweeper for whatever
/// a crash or a broker outage left behind. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// replicas drain one outbox without publishing a row twice in the normal case; a crash between publish
/// and marking can still publish twice, which the consumers' inboxes absorb.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly ActivitySource Activity = new("Quality");
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch means more may be waiting: keep draining before sleeping.
                }

                await CleanupAsync(stoppingToken);
                failures = 0;
                await signal.WaitAsync(options.Value.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Broker or database away: the rows stay unpublished and are retried, backing off to 30 s.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7))));
                LogPublishFailed(e, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes one batch in one transaction; returns how many rows it published.</summary>
    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var rows = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                SELECT * FROM outbox_messages
                WHERE published_at IS NULL
                ORDER BY created_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        using var activity = Activity.StartActivity("outbox publish");
        activity?.SetTag("outbox.batch_size", rows.Count);

        // Publishing in parallel lets MassTransit batch publisher confirms; order across events is not
        // guaranteed anyway once several replicas publish, so consumers never rely on it.
        // Cancellation alone does not free a publish the broker never confirms (seen when RabbitMQ was killed
        // mid-publish: the relay hung holding the batch's locks until the service restarted), so the wait is bounded
        // too; on timeout the transaction rolls back, the rows stay unpublished and the loop retries after a back-off.
        // Whatever was confirmed meanwhile is published again then, and the consumers' inboxes absorb it.
        await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)))
            .WaitAsync(options.Value.PublishTimeout, time, cancellationToken);

        // One UPDATE for the batch: tracked rows cost an UPDATE statement (and its change tracking) each.
        var now = time.GetUtcNow();
        var ids = rows.Select(row => row.Id).ToArray();
        await db.Set<OutboxMessage>()
            .Where(row => ids.Contains(row.Id))
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.PublishedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var (message, type) = OutboxSerializer.Deserialize(row);
        return bus.Publish(message, type, context =>
        {
            // The event id as message id lets every inbox recognise a re-publish of the same event.
            context.MessageId = row.Id;
            context.CorrelationId = row.CorrelationId;
        }, cancellationToken);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddMinutes(10);
        var cutoff = now - options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM outbox_messages WHERE published_at < {cutoff}", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM inbox_messages WHERE processed_at < {cutoff}", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing from the outbox failed; retrying in {DelayMs} ms")]
    private partial void LogPublishFailed(Exception exception, double delayMs);
}
