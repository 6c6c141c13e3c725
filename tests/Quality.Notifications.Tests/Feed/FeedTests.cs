using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Quality.Contracts.Routing;
using Quality.Notifications.Grpc;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Feed;

/// <summary>
/// The in-app feed across two replicas: an event consumed by either reaches subscribers on both (PostgreSQL
/// LISTEN/NOTIFY). Its rules are for SLA warnings, which no other test publishes: a person rule hears every team's.
/// </summary>
public sealed class FeedTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object InAppRule(Scenario scenario, string kind, string value) => new
    {
        name = $"feed {kind}",
        eventTypes = new[] { "SlaWarning" },
        scope = new { kind, value },
        channel = "in_app",
        templates = new { zh = "案件 {caseId} 即将超时", en = "Case {caseId} is close to its SLA" },
    };

    [Fact]
    public async Task Subscribers_on_two_replicas_each_get_the_alerts_addressed_to_them_and_only_those()
    {
        var scenario = new Scenario(servers.Notifications);
        var agent = $"agent-{scenario.Team}";
        await scenario.CreateRuleAsync(InAppRule(scenario, "team", scenario.Team));
        await scenario.CreateRuleAsync(InAppRule(scenario, "person", agent));
        var replica = servers.SecondReplica;

        // A browser on replica 1 (SSE), signed in as the team's supervisor.
        var supervisor = servers.Notifications.ClientFor("sup-" + scenario.Team, Roles.Supervisor, scenario.Team);
        using var sse = await supervisor.GetAsync("/api/feed/stream", HttpCompletionOption.ResponseHeadersRead, Cancellation);
        Assert.Equal("text/event-stream", sse.Content.Headers.ContentType?.MediaType);
        await using var events = await FeedStream.OpenAsync(sse, Cancellation);
        // A client on replica 2 (gRPC), signed in as an agent of another team whom the person rule names.
        using var call = replica.GrpcClientFor(agent, Roles.Agent, "elsewhere").WatchFeed();
        var messages = call.ResponseStream;

        Assert.Equal(("ready", 0), await NextAsync(events, e => e.Data.GetProperty("unreadCount").GetInt32()));
        Assert.True(await messages.MoveNext(Cancellation));
        Assert.Equal(FeedMessage.ItemOneofCase.Ready, messages.Current.ItemCase);

        var first = Warning(scenario);
        var second = Warning(scenario);
        await scenario.PublishAsync(first);
        await scenario.PublishAsync(second);

        // Each gets its own alert of each warning (in either order: the two are consumed concurrently), and not the
        // other's, which came in the same commits.
        var sseAlerts = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            var (type, data) = await NextAsync(events, e => e.Data);
            Assert.Equal("alert", type);
            Assert.Equal(Roles.Supervisor, data.GetProperty("recipientRole").GetString());
            sseAlerts.Add(data);
        }

        Assert.Equivalent(new[] { first.CaseId, second.CaseId }, sseAlerts.Select(a => a.GetProperty("caseId").GetGuid()).ToArray());
        var grpcAlerts = new List<Alert>();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await messages.MoveNext(Cancellation));
            Assert.Equal(FeedMessage.ItemOneofCase.Alert, messages.Current.ItemCase);
            Assert.Equal(agent, messages.Current.Alert.RecipientId);
            grpcAlerts.Add(messages.Current.Alert);
        }

        Assert.Equivalent(new[] { first.CaseId.ToString(), second.CaseId.ToString() }, grpcAlerts.Select(a => a.CaseId).ToArray());
        var alert = sseAlerts[0];

        // Unread counts and marking read, per person.
        var firstId = alert.GetProperty("id").GetString();
        Assert.Equal(2, (await supervisor.GetFromJsonAsync<JsonElement>("/api/feed/unread-count", Cancellation)).GetProperty("unreadCount").GetInt32());
        var read = await supervisor.PostAsJsonAsync("/api/feed/read", new { alertIds = new[] { firstId } }, Cancellation);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("unreadCount").GetInt32());
        var again = await supervisor.PostAsJsonAsync("/api/feed/read", new { alertIds = new[] { firstId } }, Cancellation);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("unreadCount").GetInt32());
        var agentsClient = replica.ClientFor(agent, Roles.Agent, "elsewhere");
        Assert.Equal(2, (await agentsClient.GetFromJsonAsync<JsonElement>("/api/feed/unread-count", Cancellation)).GetProperty("unreadCount").GetInt32());
        var all = await agentsClient.PostAsJsonAsync("/api/feed/read", new { all = true }, Cancellation);
        Assert.Equal(0, (await all.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("unreadCount").GetInt32());

        // Someone else's alert, or no id at all, cannot be marked.
        var foreign = await agentsClient.PostAsJsonAsync("/api/feed/read", new { alertIds = new[] { firstId, "nope" } }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    private static SlaWarning Warning(Scenario scenario) => new()
    {
        CorrelationId = Guid.CreateVersion7(),
        CaseId = Guid.CreateVersion7(),
        Target = SlaTarget.Resolution,
        Priority = 2,
        TeamId = scenario.Team,
        DueAt = DateTimeOffset.UtcNow.AddMinutes(10),
        ElapsedFraction = 0.8,
    };

    private static async Task<(string Type, T Value)> NextAsync<T>(IAsyncEnumerator<SseItem<string>> events, Func<(string Type, JsonElement Data), T> read)
    {
        var next = await FeedStream.NextAsync(events);
        return (next.Type, read(next));
    }
}
