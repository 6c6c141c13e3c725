using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// The log of deltas on real PostgreSQL and Redis: a delta committed but never applied (its process died after the
/// commit) is applied by the live maintenance, once, and leaves the log; a late copy of its process changes nothing.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveDeltaLogTests(ScoringServers servers)
{
    [Fact]
    public async Task A_delta_committed_but_not_applied_is_applied_once_by_the_maintenance_and_never_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = "quality:live:test-" + Guid.NewGuid().ToString("N")[..8] + ":h";
        var delta = new LiveDelta();
        delta.Move(LiveEntryKind.Count, key, "n", 3, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "org");

        LivePendingDelta logged;
        await using (var scope = servers.Scoring.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            logged = await scope.ServiceProvider.GetRequiredService<LiveDeltaLog>().AppendAsync(delta, ct);
            await transaction.CommitAsync(ct);
        }

        var redis = servers.Scoring.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        try
        {
            // Nobody applies it but the maintenance (every 200 ms in the tests): Redis gets it, and the log lets it go.
            await Eventually.Async(async () => await LoggedAsync(logged.Id), count => count == 0);
            Assert.Equal(3, (long)await redis.HashGetAsync(key, "n"));

            // The process that logged it, late: its marker outlives the log's row, so nothing changes.
            var store = servers.Scoring.Services.GetRequiredService<LiveStore>();
            Assert.True(await store.ApplyAsync(logged));
            Assert.Equal(3, (long)await redis.HashGetAsync(key, "n"));

            // Later than the marker could be trusted to last, that process leaves it alone altogether.
            var stale = new LivePendingDelta { Id = Random.Shared.NextInt64(1L << 52, long.MaxValue), Payload = logged.Payload, CreatedAt = DateTimeOffset.UtcNow - LiveStore.MarkerLifetime };
            await store.ApplyAfterCommitAsync(stale);
            Assert.Equal(3, (long)await redis.HashGetAsync(key, "n"));
        }
        finally
        {
            await redis.KeyDeleteAsync(key);
        }
    }

    private async Task<int> LoggedAsync(long id)
    {
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScoringDbContext>().LivePendingDeltas.CountAsync(d => d.Id == id);
    }
}
