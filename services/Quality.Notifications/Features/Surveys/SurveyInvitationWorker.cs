using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;

namespace Quality.Notifications.Features.Surveys;

/// <summary>Sweeps due survey invitations every <see cref="SurveyOptions.PollInterval"/> and wakes the delivery worker for the emails queued.</summary>
public sealed partial class SurveyInvitationWorker(
    SurveyInvitationSweeper sweeper,
    DeliverySignal signal,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveyInvitationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var (handled, queued) = await sweeper.SweepAsync(options.Value.BatchSize, stoppingToken);
                if (queued > 0)
                {
                    signal.Notify();
                }

                full = handled == options.Value.BatchSize;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }

            try
            {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping due survey invitations failed")]
    private partial void LogSweepFailed(Exception exception);
}
