using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.LiveKpis;

/// <summary>
/// The explicit rebuild of the live windows (<c>POST /api/kpis/live/rebuild</c>, <c>RebuildLive</c>): safe while
/// events keep arriving, and answering what it rebuilt.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class LiveRebuildTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rebuild_while_events_keep_arriving_neither_loses_nor_double_counts_an_event()
    {
        var history = LiveClient.RecentHistory();
        using var admin = servers.Scoring.Admin();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis);

        // Rebuilds back to back for as long as events arrive. Each round of the history (the same events under new
        // message ids: duplicates) is published while a rebuild holds the lock, so its folds race the rebuild's; each
        // round waits for a rebuild started after the previous round's, since one slow rebuild may outlast several rounds.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var started = 0;
        var rebuilding = Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref started);
                var response = await admin.PostAsJsonAsync("/api/kpis/live/rebuild", new { }, Cancellation);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                count++;
            }

            return count;
        }, Cancellation);

        var published = new List<Guid>();
        var seen = 0;
        for (var round = 0; round < 3; round++)
        {
            var previous = seen;
            await Eventually.Async(
                async () => Volatile.Read(ref started) > previous && await redis.GetDatabase().KeyExistsAsync(LiveKeys.RebuildLock),
                held => held);
            seen = Volatile.Read(ref started);
            published.AddRange(await Bus.PublishAllAsync(servers.Scoring, history));
            await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, published), consumed => consumed == published.Count);
        }

        await stop.CancelAsync();
        Assert.True(await rebuilding >= 3);

        // Every scope, every window: Redis holds exactly what PostgreSQL computes from the facts for the same interval.
        // A fold lost to a rebuild, or a contribution a rebuild added on top of one already there, would show here.
        foreach (var (query, ignoring) in new[]
        {
            ("scope=org&period=last_24h", OrganisationBacklog),
            ("scope=org&period=last_hour", OrganisationBacklog),
            ($"scope=team&scope_id={history.TeamT}&period=last_24h", []),
            ($"scope=team&scope_id={history.TeamU}&period=last_24h", []),
            ($"scope=agent&scope_id={history.A1}&period=last_24h", []),
            ($"scope=agent&scope_id={history.A2}&period=last_24h", []),
        })
        {
            await Eventually.Async(() => LiveClient.LiveAndFactsAsync(admin, query, ignoring), r => r.Live.Source == "redis" && r.Same);
        }

        // And the hand-counted figures: C1's CSAT 5 and C3's 4 for A1, C2's 2 for A2, each once.
        var board = await LiveClient.LeaderboardAsync(admin, "csat_percent", $"scope=team&scope_id={history.TeamT}&period=last_24h");
        Assert.Equal($"redis: 1. {history.A1} 100/2, 2. {history.A2} 0/1", board.ToString());
        var team = await LiveClient.KpisAsync(admin, $"scope=team&scope_id={history.TeamT}&period=last_24h");
        Assert.Equal((2.0, 2L), team.Kpis["backlog"]);
    }

    [Fact]
    public async Task A_rebuild_answers_what_it_rebuilt_and_the_organisations_last_hour_and_is_for_admins_only()
    {
        var history = LiveClient.RecentHistory();
        await DirectFacts.RecordAsync(servers.Scoring, history.Events);

        using var manager = servers.Scoring.ClientFor("qm", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/kpis/live/rebuild", new { }, Cancellation)).StatusCode);
        var (qm, qmChannel) = servers.Scoring.GrpcClientFor("qm", Roles.QualityManager);
        using (qmChannel)
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => qm.RebuildLiveAsync(new RebuildLiveRequest(), cancellationToken: Cancellation).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }

        var (client, channel) = servers.Scoring.GrpcClientFor("admin-1", Roles.Admin);
        using (channel)
        {
            var report = await client.RebuildLiveAsync(new RebuildLiveRequest(), cancellationToken: Cancellation);

            Assert.Equal(["last_hour", "last_24h"], report.Windows);
            Assert.True(report.Complete);
            Assert.True(report.FinishedAt.ToDateTimeOffset() >= report.StartedAt.ToDateTimeOffset());
            // At least this history (other tests' recent entities are rebuilt too): C1–C6; the CSAT and NPS answers
            // without a case; F7 and F8, which name no case, and F3, which names none but opened C3 (its facts counted
            // with C3's).
            Assert.True(report.Cases >= 6, $"cases {report.Cases}");
            Assert.True(report.Surveys >= 2, $"surveys {report.Surveys}");
            Assert.True(report.FeedbackItems >= 3, $"feedback items {report.FeedbackItems}");
            Assert.True(report.Teams >= 2 && report.Agents >= 3, $"teams {report.Teams}, agents {report.Agents}");
            Assert.True(report.Facts >= DistinctFacts, $"facts {report.Facts}");

            var organisation = report.OrganisationLastHour;
            Assert.Equal(("org", "last_hour", "redis", false), (organisation.Scope, organisation.Period, organisation.Source, organisation.Degraded));
            Assert.Equal(13, organisation.Kpis.Count);
            // The same as PostgreSQL computes for exactly that interval (nothing else is publishing meanwhile).
            using var admin = servers.Scoring.Admin();
            var facts = (await KpiClient.GetAsync(admin, $"scope=org&{LiveClient.Interval(organisation.From.ToDateTimeOffset(), organisation.To.ToDateTimeOffset())}"))
                .Where(k => !OrganisationBacklog.Contains(k.Key)).ToDictionary();
            var rebuilt = organisation.Kpis.ToDictionary(k => k.Name, k => (k.Value, k.SampleCount));
            Assert.True(KpiClient.Matches(facts, rebuilt), $"rebuilt: {KpiClient.Describe(rebuilt)}; facts: {KpiClient.Describe(facts)}");
        }

        // The transcoded route answers the same shape.
        using var http = servers.Scoring.Admin();
        var answer = await (await http.PostAsJsonAsync("/api/kpis/live/rebuild", new { }, Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("last_hour", answer.GetProperty("organisationLastHour").GetProperty("period").GetString());
        Assert.True(answer.GetProperty("complete").GetBoolean());
    }

    /// <summary>
    /// Other tests open cases in the future (2031, 2040, 2090). Redis counts a case open now by its own facts, while
    /// PostgreSQL's backlog leaves out cases opened after the period end, so the organisation's backlogs differ by those.
    /// </summary>
    private static readonly string[] OrganisationBacklog = ["backlog"];

    /// <summary>
    /// The history's distinct facts: 6 cases opened, 5 assignments, 3 first responses, 4 resolutions, 1 reopen,
    /// 13 survey answers and 8 feedback items.
    /// </summary>
    private const int DistinctFacts = 6 + 5 + 3 + 4 + 1 + 13 + 8;
}
