using Microsoft.Extensions.Options;

namespace Quality.Routing.Features.Sla;

/// <summary>Sweeps due SLA timers on every replica; the row locks make replicas share the work without firing anything twice.</summary>
public sealed partial class SlaSweeper(SlaTimerSweep sweep, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await sweep.SweepOnceAsync(options.Value.BatchSize, stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch means more are due: keep going before sleeping.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment: the timers stay and the next sweep fires them.
                LogSweepFailed(e);
            }

            await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA timer sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
