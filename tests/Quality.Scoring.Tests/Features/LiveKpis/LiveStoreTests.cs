using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// The live store on real Redis, fed contributions directly: a window sums to what <see cref="KpiCalculator"/>
/// computes from the same facts, and stale, duplicated or out-of-order contributions converge to the whole history.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveStoreTests(ScoringServers servers)
{
    [Fact]
    public async Task Every_window_and_scope_sums_to_what_the_calculator_computes()
    {
        var history = LiveClient.RecentHistory();
        var now = DateTimeOffset.UtcNow;
        var facts = InMemoryFacts.From(history.Events);
        var contributions = LiveContributionBuilder.ForAll(facts, now).Select(c => new LiveContribution(c.Entity, 1, c.Entries)).ToList();
        await Store.ApplyAsync(contributions);
        try
        {
            await AssertLiveEqualsCalculatedAsync(history, facts, now);
        }
        finally
        {
            await UndoAsync(contributions);
        }
    }

    [Fact]
    public async Task Contributions_applied_late_twice_or_out_of_order_converge_to_the_whole_history()
    {
        var history = LiveClient.RecentHistory();
        var now = DateTimeOffset.UtcNow;
        // Each prefix of the delivery order is a moment a fold could have happened; its contributions carry the
        // prefix length as version. Applied in a scrambled order, with every one repeated, only the latest may count.
        var folds = new List<LiveContribution>();
        for (var i = 1; i <= history.Events.Count; i++)
        {
            folds.AddRange(LiveContributionBuilder.ForAll(InMemoryFacts.From(history.Events.Take(i)), now)
                .Select(c => new LiveContribution(c.Entity, i, c.Entries)));
        }

        var scrambled = folds.Concat(folds).OrderBy(_ => Random.Shared.Next()).ToList();
        foreach (var chunk in scrambled.Chunk(37))
        {
            await Store.ApplyAsync(chunk);
        }

        try
        {
            await AssertLiveEqualsCalculatedAsync(history, InMemoryFacts.From(history.Events), now);
        }
        finally
        {
            await UndoAsync(folds.Select(f => new LiveContribution(f.Entity, history.Events.Count, [])).DistinctBy(f => f.Entity).ToList());
        }
    }

    [Fact]
    public async Task Qa_reviews_in_redis_give_to_the_last_digit_the_score_postgresql_computes()
    {
        var now = DateTimeOffset.UtcNow;
        var team = "qa-live-" + Guid.NewGuid().ToString("N")[..8];
        var agent = team + "-agent";
        var (caseA, caseB) = (Guid.NewGuid(), Guid.NewGuid());
        QaReview Review(Guid caseId, double score, double? adjusted = null, Guid? calibration = null, int minutesAgo = 10) => new()
        {
            Id = Guid.NewGuid(), RubricId = Guid.NewGuid(), CaseId = caseId, AgentId = agent, TeamId = team, ReviewerId = "reviewer",
            Scores = [], Score = score, AdjustedScore = adjusted, CalibrationId = calibration, ReviewedAt = now.AddMinutes(-minutesAgo),
        };
        // A score with many decimals, a failed review, an overturned one, a calibration review (no KPI), one outside the hour.
        var facts = new KpiFacts
        {
            Reviews =
            [
                Review(caseA, 83.33333333333333), Review(caseA, 0), Review(caseB, 40, adjusted: 77.7777777),
                Review(caseB, 100, calibration: Guid.NewGuid()), Review(caseB, 50, minutesAgo: 180),
            ],
        };
        var contributions = LiveContributionBuilder.ForAll(facts, now).Select(c => new LiveContribution(c.Entity, 1, c.Entries)).ToList();
        await Store.ApplyAsync(contributions);
        try
        {
            var reader = new LiveKpiReader(Store);
            foreach (var window in LiveWindow.All)
            {
                foreach (var scope in new[] { KpiScope.Team(team), KpiScope.Agent(agent) })
                {
                    var live = await Eventually.Async(() => reader.ReadAsync(window, scope, now), r => r is not null);
                    Assert.Equal(Find(KpiCalculator.Compute(facts, scope, window.EndingAt(now)), "qa_score"), Find(live!, "qa_score"));
                }
            }

            var hour = await reader.ReadAsync(LiveWindow.LastHour, KpiScope.Agent(agent), now);
            var (value, count) = Find(hour!, "qa_score");
            Assert.Equal(3, count);
            Assert.Equal((83.33333333333333 + 0 + 77.7777777) / 3, value!.Value, 6);
        }
        finally
        {
            await UndoAsync(contributions);
        }
    }

    [Fact]
    public async Task A_new_contribution_moves_each_cell_by_its_difference_and_never_undoes_what_an_expired_key_took_with_it()
    {
        var prefix = "quality:live:test-" + Guid.NewGuid().ToString("N")[..8];
        var (counters, gone, board, samples) = (prefix + ":h", prefix + ":gone", prefix + ":lb", prefix + ":p");
        var entity = prefix + ":case";
        var later = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        LiveEntry Count(string key, string member, double value) => new(LiveEntryKind.Count, key, member, value, later, "org");
        var first = new LiveContribution(entity, 1,
        [
            Count(counters, "same", 3), Count(counters, "grows", 2), Count(gone, "x", 4),
            new LiveEntry(LiveEntryKind.Board, board, "agent-1", 5, later), new LiveEntry(LiveEntryKind.Sample, samples, "event-1", 1.5, later),
        ]);
        // Another entity shares two of the cells.
        var other = new LiveContribution(prefix + ":other", 1, [Count(counters, "same", 10), new LiveEntry(LiveEntryKind.Board, board, "agent-1", 7, later)]);
        var second = new LiveContribution(entity, 2,
        [
            Count(counters, "same", 3), Count(counters, "grows", 5), Count(counters, "new", 1), Count(gone, "x", 6),
            new LiveEntry(LiveEntryKind.Sample, samples, "event-1", 2.5, later),
        ]);
        var db = servers.Scoring.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        try
        {
            await Store.ApplyAsync([first, other]);
            // A bucket past its expiry takes the first contribution's share with it.
            await db.KeyDeleteAsync(gone);
            await Store.ApplyAsync([second]);
            await Store.ApplyAsync([first]);

            Assert.Equal(13, (long)await db.HashGetAsync(counters, "same"));
            Assert.Equal(5, (long)await db.HashGetAsync(counters, "grows"));
            Assert.Equal(1, (long)await db.HashGetAsync(counters, "new"));
            Assert.Equal(6, (long)await db.HashGetAsync(gone, "x"));
            Assert.Equal(7, await db.SortedSetScoreAsync(board, "agent-1"));
            Assert.Equal(2.5, await db.SortedSetScoreAsync(samples, "event-1"));
            Assert.InRange((await db.KeyTimeToLiveAsync(gone))!.Value, TimeSpan.FromMinutes(118), TimeSpan.FromMinutes(121));
        }
        finally
        {
            await db.KeyDeleteAsync([counters, gone, board, samples, LiveKeys.Entity(entity), LiveKeys.Entity(other.Entity)]);
        }
    }

    private LiveStore Store => servers.Scoring.Services.GetRequiredService<LiveStore>();

    private async Task AssertLiveEqualsCalculatedAsync(FixedHistory history, KpiFacts facts, DateTimeOffset now)
    {
        var reader = new LiveKpiReader(Store);
        KpiScope[] scopes =
        [
            KpiScope.Team(history.TeamT), KpiScope.Team(history.TeamU), KpiScope.Agent(history.A1), KpiScope.Agent(history.A2), KpiScope.Agent(history.B1),
        ];
        foreach (var window in LiveWindow.All)
        {
            foreach (var scope in scopes)
            {
                var expected = KpiCalculator.Compute(facts, scope, window.EndingAt(now));
                // Null only while the live values are incomplete (another test flushed Redis and the rebuild is under way).
                var live = await Eventually.Async(() => reader.ReadAsync(window, scope, now), r => r is not null);
                Assert.Equal(Describe(expected), Describe(live!));
            }
        }

        // The 24-hour window holds the whole history: team T's figures are the hand-computed day's, plus C6
        // (resolved in half an hour, at first contact, within SLA, the hour before the day).
        var teamT = await Eventually.Async(() => reader.ReadAsync(LiveWindow.Last24Hours, KpiScope.Team(history.TeamT), now), r => r is not null);
        Assert.Equal((3600.0, 4L), Find(teamT!, "resolution_time_p50"));
        Assert.Equal((2.0, 2L), Find(teamT!, "backlog"));
        Assert.Equal((200 / 3.0, 3L), Find(teamT!, "csat_percent"));
    }

    private async Task UndoAsync(IReadOnlyCollection<LiveContribution> contributions) =>
        await Store.ApplyAsync([.. contributions.Select(c => new LiveContribution(c.Entity, c.Version + 1, []))]);

    private static (double?, long) Find(IReadOnlyList<KpiResult> results, string name)
    {
        var result = results.Single(r => r.Definition.Name == name);
        return (result.Value, result.SampleCount);
    }

    private static string Describe(IReadOnlyList<KpiResult> results) =>
        string.Join("; ", results.Select(r => $"{r.Definition.Name}={r.Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}/{r.SampleCount}"));
}
