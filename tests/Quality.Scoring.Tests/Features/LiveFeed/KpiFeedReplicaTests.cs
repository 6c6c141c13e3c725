using System.Diagnostics;
using Grpc.Core;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.LiveFeed;

/// <summary>
/// <c>WatchKpis</c> on one replica while another folds the events: the change reaches the subscriber through Redis
/// pub/sub (the watching replica's own timer is set to ten minutes, so nothing else could bring it).
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class KpiFeedReplicaTests(ScoringServers servers, ITestOutputHelper output)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscriber_on_one_replica_sees_changes_folded_on_another()
    {
        await using var watcher = servers.AnotherReplica(new Dictionary<string, string> { ["Scoring:Feed:RefreshInterval"] = "00:10:00" });
        var team = $"team-f-{Guid.NewGuid():N}"[..20];
        var (client, channel) = watcher.GrpcClientFor("sup-f", Roles.Supervisor, team);
        using var _ = channel;
        using var call = client.WatchKpis(new WatchKpisRequest { Scope = "team", ScopeId = team, Period = "last_hour" }, cancellationToken: Cancellation);

        var snapshot = await NextAsync(call);
        Assert.Equal(("snapshot", 13, "redis"), (snapshot.Kind, snapshot.Kpis.Count, snapshot.Source));
        Assert.Equal(0, Kpi(snapshot, "backlog").SampleCount);

        // A case opened for the team, folded by the other replica.
        var caseId = Guid.CreateVersion7();
        var stopwatch = Stopwatch.StartNew();
        await DirectFacts.RecordAsync(servers.Scoring, [Opened(caseId, team)]);
        var opened = await NextAsync(call);
        output.WriteLine($"fold to subscriber on the other replica: {stopwatch.ElapsedMilliseconds} ms (including the fold)");
        Assert.Equal("change", opened.Kind);
        Assert.Equal([("backlog", 1.0)], opened.Kpis.Select(k => (k.Name, k.Value!.Value)));

        var feedback = Guid.CreateVersion7();
        await DirectFacts.RecordAsync(servers.Scoring, [new SurveyAnswered
        {
            CorrelationId = feedback, FeedbackId = feedback, CaseId = caseId, SurveyType = SurveyType.Csat, Score = 5, AnsweredAt = DateTimeOffset.UtcNow,
        }]);
        var answered = await NextAsync(call);
        Assert.Equal([("csat_percent", 100.0, 1L)], answered.Kpis.Select(k => (k.Name, k.Value!.Value, k.SampleCount)));
    }

    [Fact]
    public async Task Subscribing_checks_the_scope_the_period_and_who_is_asking()
    {
        var (agent, channel) = servers.Scoring.GrpcClientFor("ann", Roles.Agent, "team-a");
        using var _ = channel;

        Assert.Equal(StatusCode.PermissionDenied, await StatusAsync(agent, new WatchKpisRequest { Scope = "team", ScopeId = "team-a" }));
        Assert.Equal(StatusCode.PermissionDenied, await StatusAsync(agent, new WatchKpisRequest { Scope = "agent", ScopeId = "bob" }));
        Assert.Equal(StatusCode.InvalidArgument, await StatusAsync(agent, new WatchKpisRequest { Scope = "agent", ScopeId = "ann", Period = "day" }));
        Assert.Equal(StatusCode.InvalidArgument, await StatusAsync(agent, new WatchKpisRequest { Scope = "galaxy" }));

        using var own = agent.WatchKpis(new WatchKpisRequest { Scope = "agent", ScopeId = "ann" }, cancellationToken: Cancellation);
        Assert.Equal("snapshot", (await NextAsync(own)).Kind);
    }

    [Fact]
    public async Task Over_http_the_feed_is_newline_delimited_json()
    {
        using var admin = servers.Scoring.Admin();
        using var response = await admin.GetAsync("/api/kpis/watch?scope=org&period=last_hour", HttpCompletionOption.ResponseHeadersRead, Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancellation));
        var first = System.Text.Json.JsonDocument.Parse((await reader.ReadLineAsync(Cancellation))!).RootElement;
        Assert.Equal(("snapshot", "last_hour", 13), (first.GetProperty("kind").GetString(), first.GetProperty("period").GetString(), first.GetProperty("kpis").GetArrayLength()));
    }

    public static CaseOpened Opened(Guid caseId, string team) => new()
    {
        CorrelationId = caseId, CaseId = caseId, FeedbackId = Guid.CreateVersion7(), Category = "delivery", Priority = 2, Severity = 2,
        Channel = "api", Language = "en", TeamId = team, OpenedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<KpiFeedMessage> NextAsync(AsyncServerStreamingCall<KpiFeedMessage> call, int seconds = 10)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the stream ended");
        return call.ResponseStream.Current;
    }

    private static KpiValue Kpi(KpiFeedMessage message, string name) => message.Kpis.Single(k => k.Name == name);

    private static async Task<StatusCode> StatusAsync(ScoringService.ScoringServiceClient client, WatchKpisRequest request)
    {
        using var call = client.WatchKpis(request, cancellationToken: Cancellation);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Cancellation));
        return error.StatusCode;
    }
}
