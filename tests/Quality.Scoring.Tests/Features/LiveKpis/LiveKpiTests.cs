using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// Events on the real broker folded into Redis: live windows answer from Redis with exactly what PostgreSQL
/// computes for the same interval, a flushed Redis is rebuilt to the same values by itself, and with Redis
/// unreachable the same questions are answered from PostgreSQL, flagged.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveKpiTests(ScoringServers servers)
{
    [Fact]
    public async Task Live_windows_equal_postgres_and_a_flushed_redis_is_rebuilt_to_the_same_values()
    {
        var history = LiveClient.RecentHistory();
        using var admin = servers.Scoring.Admin();
        var published = await Bus.PublishAllAsync(servers.Scoring, history);
        // Every event again under new message ids: folded again, it must change nothing.
        published.AddRange(await Bus.PublishAllAsync(servers.Scoring, history));
        await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, published), consumed => consumed == published.Count);

        var before = new Dictionary<string, string>();
        foreach (var query in Queries(history))
        {
            var live = await Eventually.Async(() => LiveClient.LiveAndFactsAsync(admin, query), r => r.Live.Source == "redis" && r.Same);
            // The values, not the interval: a window may move on by a bucket before the rebuild is read back, and every
            // event of the history is far enough inside the windows for that to change nothing.
            before[query] = $"{live.Live.Source}: {KpiClient.Describe(live.Live.Kpis)}";
        }

        var boards = await BoardsAsync(admin, history);
        Assert.Equal($"redis: 1. {history.A1} 100/2, 2. {history.A2} 0/1", boards["csat_percent"]);
        Assert.Equal($"redis: 1. {history.A1} 600/1, 2. {history.A2} 1800/1", boards["first_response_time_avg"]);
        // A2 resolved C2 and C6 (the hour before the day), A1 C1 and C3: a tie, broken by id.
        Assert.Equal($"redis: 1. {history.A1} 2/2, 1. {history.A2} 2/2", boards["resolved"]);

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis + ",allowAdmin=true"))
        {
            await redis.GetServers()[0].FlushDatabaseAsync();
        }

        // Nobody asks for a rebuild: a replica notices the readiness marker is gone and rebuilds from the facts.
        foreach (var query in Queries(history))
        {
            var after = await Eventually.Async(() => LiveClient.KpisAsync(admin, query), r => r.Source == "redis");
            Assert.Equal(before[query], $"{after.Source}: {KpiClient.Describe(after.Kpis)}");
        }

        Assert.Equal(boards, await BoardsAsync(admin, history));
    }

    [Fact]
    public async Task With_redis_unreachable_live_windows_and_leaderboards_answer_from_postgres_and_say_so()
    {
        var history = LiveClient.RecentHistory();
        using var admin = servers.Scoring.Admin();
        var published = await Bus.PublishAllAsync(servers.Scoring, history);
        // Consumed through the broker while every other test project runs on the same two cores: CI once needed more
        // than the default 15 s for the last of them.
        await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, published), consumed => consumed == published.Count, TimeSpan.FromSeconds(60));
        var teamQuery = $"scope=team&scope_id={history.TeamT}&period=last_24h";
        var healthy = await Eventually.Async(() => LiveClient.LiveAndFactsAsync(admin, teamQuery), r => r.Live.Source == "redis" && r.Same);
        var healthyBoard = await LiveClient.LeaderboardAsync(admin, "csat_percent", $"scope=team&scope_id={history.TeamT}");

        // A replica whose Redis does not answer (nothing listens on port 1).
        await using var cut = servers.AnotherReplica(redis: "127.0.0.1:1,connectTimeout=200,syncTimeout=500");
        using var cutAdmin = cut.Admin();

        var report = await LiveClient.KpisAsync(cutAdmin, teamQuery);
        Assert.Equal("postgres", report.Source);
        Assert.True(report.Degraded);
        Assert.Equal(healthy.Live.Kpis.OrderBy(k => k.Key), report.Kpis.OrderBy(k => k.Key));
        Assert.Equal((2.0, 2L), report.Kpis["backlog"]);

        var board = await LiveClient.LeaderboardAsync(cutAdmin, "csat_percent", $"scope=team&scope_id={history.TeamT}");
        Assert.Equal("postgres", board.Source);
        Assert.True(board.Degraded);
        Assert.Equal(healthyBoard.Entries, board.Entries);

        // Calendar periods never came from Redis: not degraded.
        var day = await LiveClient.KpisAsync(cutAdmin, $"scope=team&scope_id={history.TeamT}&period=day");
        Assert.Equal(("postgres", false), (day.Source, day.Degraded));
    }

    private static string[] Queries(FixedHistory history) =>
    [
        $"scope=team&scope_id={history.TeamT}&period=last_24h",
        $"scope=team&scope_id={history.TeamU}&period=last_24h",
        $"scope=agent&scope_id={history.A1}&period=last_24h",
        $"scope=agent&scope_id={history.A2}&period=last_24h",
        $"scope=team&scope_id={history.TeamT}&period=last_hour",
    ];

    private static async Task<Dictionary<string, string>> BoardsAsync(HttpClient client, FixedHistory history)
    {
        var boards = new Dictionary<string, string>();
        foreach (var metric in new[] { "csat_percent", "first_response_time_avg", "resolved" })
        {
            var board = await Eventually.Async(
                () => LiveClient.LeaderboardAsync(client, metric, $"scope=team&scope_id={history.TeamT}&period=last_24h"), b => b.Source == "redis");
            boards[metric] = board.ToString();
        }

        return boards;
    }
}
