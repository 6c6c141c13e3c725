using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Notifications.Features.Escalation;

/// <summary>Sweeps due escalations every <see cref="EscalationOptions.PollInterval"/> and wakes the delivery worker for what they queued.</summary>
public sealed class EscalationWorker(
    EscalationSweeper sweeper,
    DeliverySignal signal,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationWorker> logger) : PeriodicSweeper("Alert escalation", time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken)
    {
        var (raised, queued) = await sweeper.SweepAsync(options.Value.BatchSize, cancellationToken);
        if (queued > 0)
        {
            signal.Notify();
        }

        return raised.Count == options.Value.BatchSize;
    }
}
