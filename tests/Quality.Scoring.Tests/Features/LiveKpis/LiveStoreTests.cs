using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// The live store on real Redis, fed deltas directly: a window sums to what <see cref="KpiCalculator"/> computes from
/// the same facts, and the deltas of folds, applied in any order and some of them twice, converge to the whole history.
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
        await ApplyAsync(Contributions(facts, now, sign: 1));
        try
        {
            await AssertLiveEqualsCalculatedAsync(history, facts, now);
        }
        finally
        {
            await ApplyAsync(Contributions(facts, now, sign: -1));
        }
    }

    [Fact]
    public async Task The_deltas_of_folds_applied_in_any_order_and_some_twice_sum_to_the_whole_history()
    {
        var history = LiveClient.RecentHistory();
        var now = DateTimeOffset.UtcNow;
        // Each event folded alone, in delivery order: its delta is what the facts contribute with it minus without it.
        // A late assignment moves what its case had counted for the team (samples too) to the agent.
        var deltas = new List<LiveDelta>();
        for (var i = 1; i <= history.Events.Count; i++)
        {
            var delta = Contributions(InMemoryFacts.From(history.Events.Take(i)), now, sign: 1);
            delta.Subtract(Contributions(InMemoryFacts.From(history.Events.Take(i - 1)), now, sign: 1).Entries);
            deltas.Add(delta);
        }

        // Scrambled, so removals reach Redis before what they remove; every delta twice under its id, as a crash
        // between applying and clearing the log would re-apply it.
        var logged = deltas.Select(d => new LivePendingDelta { Id = NewId(), Payload = d.Serialize() }).ToList();
        foreach (var delta in logged.Concat(logged).OrderBy(_ => Random.Shared.Next()))
        {
            await Eventually.Async(() => Store.ApplyAsync(delta), applied => applied);
        }

        var facts = InMemoryFacts.From(history.Events);
        try
        {
            await AssertLiveEqualsCalculatedAsync(history, facts, now);
        }
        finally
        {
            await ApplyAsync(Contributions(facts, now, sign: -1));
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
        await ApplyAsync(Contributions(facts, now, sign: 1));
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
            await ApplyAsync(Contributions(facts, now, sign: -1));
        }
    }

    [Fact]
    public async Task Cells_move_by_their_amounts_zeros_leave_no_trace_and_a_sample_removed_before_it_is_added_stays_out()
    {
        var prefix = "quality:live:test-" + Guid.NewGuid().ToString("N")[..8];
        var (counters, board, samples, counts, expired) = (prefix + ":h", prefix + ":lb", prefix + ":p", prefix + ":pn", prefix + ":old");
        var later = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        LiveEntry Count(string member, double value, string key = "") => new(LiveEntryKind.Count, key == "" ? counters : key, member, value, key == expired ? past : later, "org");
        LiveEntry Board(double value) => new(LiveEntryKind.Board, board, "agent-1", value, later);
        LiveEntry Sample(string member, double seconds) => new(LiveEntryKind.Sample, samples, member, seconds, later, "org", counts);
        var db = servers.Scoring.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var first = new LiveDelta();
        first.Add([Count("stays", 3), Count("goes", 2), Board(5), Sample("kept", 1.5)]);
        first.Subtract([Sample("moved", 2.5)]);
        var second = new LiveDelta();
        second.Add([Count("stays", 4), Board(-5), Sample("moved", 2.5), Count("x", 4, expired)]);
        second.Subtract([Count("goes", 2)]);
        try
        {
            var id = NewId();
            var logged = new LivePendingDelta { Id = id, Payload = first.Serialize() };
            await Eventually.Async(() => Store.ApplyAsync(logged), applied => applied);
            Assert.Null(await db.SortedSetScoreAsync(samples, "moved"));
            Assert.Equal(-1, (long)await db.HashGetAsync(counts, "moved"));
            // Applied again under its id: nothing changes.
            Assert.True(await Store.ApplyAsync(logged));
            Assert.Equal(3, (long)await db.HashGetAsync(counters, "stays"));
            Assert.Equal([id], await Store.AppliedAsync([id, NewId()]));

            await ApplyAsync(second);
            Assert.Equal(7, (long)await db.HashGetAsync(counters, "stays"));
            Assert.False(await db.HashExistsAsync(counters, "goes"));
            Assert.Null(await db.SortedSetScoreAsync(board, "agent-1"));
            Assert.Equal(1.5, await db.SortedSetScoreAsync(samples, "kept"));
            // Its removal came first: counted back to zero, the sample is not held, and its count is gone.
            Assert.Null(await db.SortedSetScoreAsync(samples, "moved"));
            Assert.False(await db.HashExistsAsync(counts, "moved"));
            // A bucket past its expiry keeps nothing of what reaches it late.
            Assert.False(await db.KeyExistsAsync(expired));
            Assert.InRange((await db.KeyTimeToLiveAsync(counters))!.Value, TimeSpan.FromMinutes(118), TimeSpan.FromMinutes(121));
        }
        finally
        {
            await db.KeyDeleteAsync([counters, board, samples, counts, expired]);
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

    /// <summary>Every entity's contribution to the facts, added (1) or taken away (-1).</summary>
    private static LiveDelta Contributions(KpiFacts facts, DateTimeOffset now, int sign)
    {
        var all = new LiveDelta();
        new LiveContributionBuilder(all, now).AddAll(facts);
        if (sign > 0)
        {
            return all;
        }

        var undo = new LiveDelta();
        undo.Subtract(all.Entries);
        return undo;
    }

    /// <summary>Applies a delta as a logged one would be (waiting while another test's rebuild runs); its marker expires by itself.</summary>
    private async Task ApplyAsync(LiveDelta delta)
    {
        var logged = new LivePendingDelta { Id = NewId(), Payload = delta.Serialize() };
        await Eventually.Async(() => Store.ApplyAsync(logged), applied => applied);
    }

    /// <summary>An id no logged delta of the service will have soon (theirs count up from 1).</summary>
    private static long NewId() => Random.Shared.NextInt64(1L << 52, long.MaxValue);

    private static (double?, long) Find(IReadOnlyList<KpiResult> results, string name)
    {
        var result = results.Single(r => r.Definition.Name == name);
        return (result.Value, result.SampleCount);
    }

    private static string Describe(IReadOnlyList<KpiResult> results) =>
        string.Join("; ", results.Select(r => $"{r.Definition.Name}={r.Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}/{r.SampleCount}"));
}
