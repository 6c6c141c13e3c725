using Microsoft.Extensions.Options;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Hosting;

namespace Quality.Routing.Features.Escalation;

/// <summary>
/// Climbs due escalations on every replica, one batch per transaction. The batch locks its escalation rows
/// with their cases and skips any another transaction holds, and each climb commits with its event, so a
/// level is reached once across replicas and restarts.
/// </summary>
public sealed class EscalationSweeper(IServiceScopeFactory scopes, IOptions<EscalationOptions> options, TimeProvider time, ILogger<EscalationSweeper> logger)
    : PeriodicSweeper("Escalation", time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

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

    protected override async Task<bool> SweepRoundAsync(CancellationToken cancellationToken) =>
        await SweepOnceAsync(options.Value.BatchSize, cancellationToken) == options.Value.BatchSize;
}
