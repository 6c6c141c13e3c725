using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Routing.Features.Sla;

/// <summary>Sweeps due SLA timers on every replica; the row locks make replicas share the work without firing anything twice.</summary>
public sealed class SlaSweeper(SlaTimerSweep sweep, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaSweeper> logger)
    : PeriodicSweeper("SLA timer", time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken) =>
        await sweep.SweepOnceAsync(options.Value.BatchSize, cancellationToken) == options.Value.BatchSize;
}
