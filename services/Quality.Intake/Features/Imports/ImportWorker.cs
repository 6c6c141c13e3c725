using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Runs queued imports one at a time on the machine that holds their files, woken by an upload and every
/// sweep interval. A job is claimed with a conditional update, so two replicas sharing a spool directory
/// never run it twice; a running job whose worker went silent (crash, restart) is claimed again and resumes.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportRunner runner, ImportSignal signal, IOptions<ImportOptions> options,
    TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = options.Value.StallAfter / 2;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } jobId)
                {
                    await runner.RunAsync(jobId, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The job stays claimed; its heartbeat goes stale and a later sweep resumes it.
                LogFailed(logger, e);
            }

            await signal.WaitAsync(sweep, stoppingToken);
        }
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = time.GetUtcNow();
        var stale = now - options.Value.StallAfter;
        var candidates = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Node == ImportNode.Name && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running && j.HeartbeatAt < stale))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(10).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var claimed = await db.ImportJobs
                .Where(j => j.Id == id && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running && j.HeartbeatAt < stale))
                .ExecuteUpdateAsync(j => j
                    .SetProperty(x => x.Status, ImportStatus.Running)
                    .SetProperty(x => x.HeartbeatAt, now)
                    .SetProperty(x => x.StartedAt, x => x.StartedAt ?? now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    [LoggerMessage(LogLevel.Error, "An import failed; it will be resumed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
