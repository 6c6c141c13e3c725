using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Routing.Features.Assignment;

/// <summary>Drains the queue on a timer on every replica; the row locks make the replicas share the work.</summary>
public sealed partial class QueueSweeper(QueueDrainer drainer, IOptions<QueueOptions> options, TimeProvider time, ILogger<QueueSweeper> logger)
    : PeriodicSweeper("Queue", time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken)
    {
        var assigned = await drainer.DrainAsync(options.Value.BatchSize, cancellationToken);
        if (assigned > 0)
        {
            LogAssigned(Logger, assigned);
        }

        // One drain per interval: it already gives each agent with room a case per round.
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue sweep assigned {Count} cases")]
    private static partial void LogAssigned(ILogger logger, int count);
}
