using Microsoft.Extensions.Options;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Escalation;

/// <summary>
/// Climbs due escalations on every replica, one batch per transaction. The batch locks its escalation rows
/// with their cases and skips any another transaction holds, and each climb commits with its event, so a
/// level is reached once across replicas and restarts.
/// </summary>
public sealed partial class EscalationSweeper(IServiceScopeFactory scopes, IOptions<EscalationOptions> options, TimeProvider time, ILogger<EscalationSweeper> logger)
    : BackgroundService
{
    /// <summary>Climbs up to <paramref name="batchSize"/> due escalations; returns how many it claimed.</summary>
    public async Task<int> SweepOnceAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var ladder = scope.ServiceProvider.GetRequiredService<EscalationLadder>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await ladder.ClimbDueAsync(batchSize, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepOnceAsync(options.Value.BatchSize, stoppingToken) == options.Value.BatchSize)
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
                // The database may be away for a moment: the rows stay due and the next sweep climbs them.
                LogSweepFailed(e);
            }

            await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
