using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Escalation;

/// <summary>Sweeps due escalations every <see cref="EscalationOptions.PollInterval"/> and wakes the delivery worker for what they queued.</summary>
public sealed partial class EscalationWorker(
    EscalationSweeper sweeper,
    DeliverySignal signal,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var (raised, queued) = await sweeper.SweepAsync(options.Value.BatchSize, stoppingToken);
                if (queued > 0)
                {
                    signal.Notify();
                }

                full = raised.Count == options.Value.BatchSize;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }

            try
            {
                // A full batch means more may be due: sweep again at once.
                if (!full)
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping due escalations failed")]
    private partial void LogSweepFailed(Exception exception);
}
