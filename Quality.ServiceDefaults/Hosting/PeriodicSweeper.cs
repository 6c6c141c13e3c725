using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quality.ServiceDefaults.Hosting;

/// <summary>
/// The loop the services' sweeps share on every replica (SLA timers, escalations, queues, survey invitations):
/// sweep, sweep again at once while a round says more is due, then sleep for the interval. A failed round is only logged: the database may be away for a moment,
/// and the rows it would have handled stay due for the next one.
/// </summary>
public abstract partial class PeriodicSweeper(string name, TimeProvider time, ILogger logger) : BackgroundService
{
    protected ILogger Logger => logger;

    protected TimeProvider Time => time;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; answers whether more is due right away (it filled its batch).</summary>
    protected abstract Task<bool> SweepRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepRoundAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(logger, name, e);
            }

            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, string sweep, Exception exception);
}
