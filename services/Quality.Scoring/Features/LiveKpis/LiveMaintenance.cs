using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// Keeps the live values whole on every replica: when the readiness marker is missing (Redis flushed, lost or
/// new) one replica takes the rebuild lock and rebuilds the live windows from the facts; and deltas still in the
/// <see cref="LiveDeltaLog"/> (Redis away, a crash, a rebuild in progress when they were folded) are applied.
/// </summary>
public sealed partial class LiveMaintenance(
    IServiceScopeFactory scopes, LiveStore store, TimeProvider time, IOptions<LiveOptions> options, ILogger<LiveMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan RebuildLease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogRedisUnavailable(e);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }

            await Task.Delay(options.Value.CheckInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        if (!await store.IsReadyAsync())
        {
            await RebuildAsync(ct);
        }

        await DrainAsync(ct);
    }

    /// <summary>
    /// Rebuilds under the cross-replica lock. With <paramref name="wait"/>, waits up to <paramref name="wait"/> for
    /// another replica's rebuild to finish first; null when the lock could not be had.
    /// </summary>
    public async Task<LiveRebuild?> RebuildAsync(CancellationToken ct, TimeSpan wait = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var giveUpAt = time.GetUtcNow() + wait;
        while (!await store.TryLockRebuildAsync(id, RebuildLease))
        {
            if (time.GetUtcNow() >= giveUpAt)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
        }

        try
        {
            await store.BeginRebuildAsync(id);
            LiveRebuild rebuild;
            await using (var scope = scopes.CreateAsyncScope())
            {
                rebuild = await scope.ServiceProvider.GetRequiredService<LiveRebuilder>().RebuildAsync(id, ct);
            }

            // A flush while this rebuild ran took the marker it began with: the values are not whole, and the next
            // check starts another rebuild.
            var complete = rebuild.Complete && await store.CompleteRebuildAsync(id, rebuild.CountedDeltas, rebuild.Scopes);
            if (complete)
            {
                LogRebuilt(rebuild.Cases, rebuild.Surveys, rebuild.FeedbackItems, rebuild.Facts);
                // What was folded while the rebuild ran waited in the log: on top now, not at the next check.
                await DrainAsync(ct);
            }

            return rebuild with { Complete = complete };
        }
        finally
        {
            await store.UnlockRebuildAsync(id);
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LiveDeltaLog>().DrainAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Live values rebuilt from the facts: {Cases} cases, {Surveys} survey answers and {FeedbackItems} feedback items without a case, {Facts} facts")]
    private partial void LogRebuilt(int cases, int surveys, int feedbackItems, long facts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live values not checked: Redis unavailable")]
    private partial void LogRedisUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live value maintenance failed")]
    private partial void LogFailed(Exception exception);
}
