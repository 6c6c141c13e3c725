using Microsoft.Extensions.Options;

namespace Quality.Scoring.Features.Surges;

/// <summary>Looks for complaint surges on every replica; the row claims in <see cref="SurgeScan"/> keep it to one event per episode.</summary>
public sealed partial class SurgeMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<SurgeOptions> options, ILogger<SurgeMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment: nothing was announced, the next look retries.
                LogScanFailed(e);
            }

            await Task.Delay(options.Value.CheckInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Looks at every category once (in batches); returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurgeScan>().RunOnceAsync(time.GetUtcNow(), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Complaint surge scan failed")]
    private partial void LogScanFailed(Exception exception);
}
