using Microsoft.Extensions.Options;

namespace Quality.Routing.Features.Assignment;

/// <summary>Drains the queue on a timer on every replica; the row locks make the replicas share the work.</summary>
public sealed partial class QueueSweeper(QueueDrainer drainer, IOptions<QueueOptions> options, TimeProvider time, ILogger<QueueSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var assigned = await drainer.DrainAsync(options.Value.BatchSize, stoppingToken);
                if (assigned > 0)
                {
                    LogAssigned(assigned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment: the next sweep tries again.
                LogSweepFailed(e);
            }

            await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue sweep assigned {Count} cases")]
    private partial void LogAssigned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
