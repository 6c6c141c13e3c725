using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Notifications.Features.Surveys;

/// <summary>Sweeps due survey invitations every <see cref="SurveyOptions.PollInterval"/> and wakes the delivery worker for the emails queued.</summary>
public sealed class SurveyInvitationWorker(
    SurveyInvitationSweeper sweeper,
    DeliverySignal signal,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveyInvitationWorker> logger) : PeriodicSweeper("Survey invitation", time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.IsEnabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken)
    {
        var (handled, queued) = await sweeper.SweepAsync(options.Value.BatchSize, cancellationToken);
        if (queued > 0)
        {
            signal.Notify();
        }

        return handled == options.Value.BatchSize;
    }
}
