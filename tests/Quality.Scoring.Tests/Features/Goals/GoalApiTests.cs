using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Grpc;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.Goals;

/// <summary><c>/api/goals</c> and the goal gRPC methods on a real replica: validation, access, progress from the facts.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class GoalApiTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_sets_goals_for_their_team_and_its_agents_and_progress_is_the_kpi_since_the_start()
    {
        var history = LiveClient.RecentHistory();
        var published = await Bus.PublishAllAsync(servers.Scoring, history);
        await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, published), consumed => consumed == published.Count);
        using var supervisor = servers.Scoring.ClientFor("sup-t", Roles.Supervisor, history.TeamT);
        var deadline = DateTimeOffset.UtcNow.AddDays(1);

        var created = await supervisor.PostAsJsonAsync("/api/goals", new
        {
            metric = "csat_percent", target = 90, scope = "team", scopeId = history.TeamT, start = history.T0, deadline,
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var teamGoal = await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var teamGoalId = teamGoal.GetProperty("id").GetString()!;
        Assert.Equal($"/api/goals/{teamGoalId}", created.Headers.Location!.OriginalString);
        // CSAT of team T since T0: C1 5, C2 2, C3 4 (the answer without a case is the organisation's only).
        var progress = teamGoal.GetProperty("progress");
        Assert.Equal((200 / 3.0, 3), (progress.GetProperty("value").GetDouble(), progress.GetProperty("sampleCount").GetInt32()));
        Assert.Equal(("at_least", "sup-t", history.TeamT), (
            teamGoal.GetProperty("direction").GetString(), teamGoal.GetProperty("ownerId").GetString(), teamGoal.GetProperty("teamId").GetString()));
        // Three answers are fewer than the ten a forecast needs.
        Assert.Equal("too_early", teamGoal.GetProperty("status").GetString());

        var agentGoal = await supervisor.PostAsJsonAsync("/api/goals", new
        {
            metric = "first_response_time_p90", target = 900, scope = "agent", scopeId = history.A1, deadline,
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, agentGoal.StatusCode);
        var agentGoalId = (await agentGoal.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString()!;

        using var a1 = servers.Scoring.ClientFor(history.A1, Roles.Agent, history.TeamT);
        using var otherSupervisor = servers.Scoring.ClientFor("sup-u", Roles.Supervisor, history.TeamU);
        using var manager = servers.Scoring.ClientFor("qm", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.OK, (await a1.GetAsync($"/api/goals/{agentGoalId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a1.GetAsync($"/api/goals/{teamGoalId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSupervisor.GetAsync($"/api/goals/{teamGoalId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/goals/{teamGoalId}", Cancellation)).StatusCode);
        Assert.Equal([agentGoalId], await IdsAsync(a1, ""));
        Assert.Equal([teamGoalId], await IdsAsync(supervisor, $"scope=team&scopeId={history.TeamT}"));
        Assert.Empty(await IdsAsync(otherSupervisor, $"scope=team&scopeId={history.TeamT}"));

        Assert.Equal(HttpStatusCode.Forbidden, await CreateStatusAsync(a1, "team", history.TeamT));
        Assert.Equal(HttpStatusCode.Forbidden, await CreateStatusAsync(supervisor, "team", history.TeamU));
        Assert.Equal(HttpStatusCode.Forbidden, await CreateStatusAsync(supervisor, "agent", history.B1));
        Assert.Equal(HttpStatusCode.Forbidden, await CreateStatusAsync(supervisor, "org", null));
        Assert.Equal(HttpStatusCode.Created, await CreateStatusAsync(manager, "org", null));

        Assert.Equal(HttpStatusCode.NotFound, (await otherSupervisor.DeleteAsync($"/api/goals/{teamGoalId}", Cancellation)).StatusCode);
        var cancelled = await supervisor.DeleteAsync($"/api/goals/{teamGoalId}", Cancellation);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("status").GetString());
        Assert.Empty(await IdsAsync(supervisor, $"scope=team&scopeId={history.TeamT}"));
        Assert.Equal([teamGoalId], await IdsAsync(supervisor, $"scope=team&scopeId={history.TeamT}&state=cancelled"));
    }

    public static TheoryData<string, string> BadGoals => new()
    {
        { """{"metric":"speed","target":1,"scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "metric" },
        { """{"target":1,"scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "metric" },
        { """{"metric":"nps","target":1,"scope":"org","deadline":"2001-01-01T00:00:00Z"}""", "deadline" },
        { """{"metric":"nps","target":1,"scope":"org","deadline":"2099-01-01T00:00:00Z","start":"2099-02-01T00:00:00Z"}""", "start" },
        { """{"metric":"nps","target":1,"scope":"galaxy","deadline":"2099-01-01T00:00:00Z"}""", "scope" },
        { """{"metric":"nps","target":1,"deadline":"2099-01-01T00:00:00Z"}""", "scope" },
        { """{"metric":"nps","target":1,"scope":"team","deadline":"2099-01-01T00:00:00Z"}""", "scopeId" },
        { """{"metric":"csat_percent","target":150,"scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "target" },
        { """{"metric":"nps","scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "target" },
        { """{"metric":"nps","target":"high","scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "target" },
        { """{"metric":"nps","target":1,"direction":"sideways","scope":"org","deadline":"2099-01-01T00:00:00Z"}""", "direction" },
        { """{"metric":"nps","target":1,"scope":"org"}""", "deadline" },
        { """{"metric":"nps","target":1,"scope":"org","start":"2030-01-01T00:00:00Z","deadline":"2032-01-01T00:00:00Z"}""", "deadline" },
    };

    [Theory]
    [MemberData(nameof(BadGoals))]
    public async Task Bad_goals_answer_problem_details_naming_the_field_and_store_nothing(string body, string field)
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        using var manager = servers.Scoring.ClientFor(owner, Roles.QualityManager);

        var response = await manager.PostAsync("/api/goals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ScoringDbContext>().Goals.AnyAsync(g => g.OwnerId == owner, Cancellation));
    }

    [Fact]
    public async Task Goals_over_grpc_share_the_rules()
    {
        var (manager, channel) = servers.Scoring.GrpcClientFor("qm-grpc", Roles.QualityManager);
        using var _ = channel;

        var bad = await Assert.ThrowsAsync<RpcException>(async () => await manager.CreateGoalAsync(new CreateGoalRequest
        {
            Metric = "speed", Target = 1, Scope = "org", Deadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        }, cancellationToken: Cancellation));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["deadline", "metric"], bad.Trailers.GetAll("field-violation").Select(v => v.Value.Split(':')[0]).Order());

        var created = await manager.CreateGoalAsync(new CreateGoalRequest
        {
            Metric = "sla_compliance_percent", Target = 95, Scope = "team", ScopeId = "team-grpc",
            Deadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        }, cancellationToken: Cancellation);
        // It starts now, so nothing has been measured yet.
        Assert.Equal(("at_least", "not_started", "qm-grpc"), (created.Direction, created.Status, created.OwnerId));

        var read = await manager.GetGoalAsync(new GetGoalRequest { Id = created.Id }, cancellationToken: Cancellation);
        Assert.Equal(created.Id, read.Id);
        var (agent, agentChannel) = servers.Scoring.GrpcClientFor("ann", Roles.Agent, "team-grpc");
        using var __ = agentChannel;
        var hidden = await Assert.ThrowsAsync<RpcException>(async () => await agent.GetGoalAsync(new GetGoalRequest { Id = created.Id }, cancellationToken: Cancellation));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await agent.CancelGoalAsync(new CancelGoalRequest { Id = created.Id }, cancellationToken: Cancellation));
        Assert.Equal(StatusCode.NotFound, denied.StatusCode);

        var cancelled = await manager.CancelGoalAsync(new CancelGoalRequest { Id = created.Id }, cancellationToken: Cancellation);
        Assert.Equal("cancelled", cancelled.Status);
    }

    private static async Task<HttpStatusCode> CreateStatusAsync(HttpClient client, string scope, string? scopeId) =>
        (await client.PostAsJsonAsync("/api/goals", new
        {
            metric = "nps", target = 10, scope, scopeId, deadline = DateTimeOffset.UtcNow.AddDays(7),
        }, Cancellation)).StatusCode;

    private static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var goals = await client.GetFromJsonAsync<JsonElement>($"/api/goals?{query}", Cancellation);
        return [.. goals.EnumerateArray().Select(g => g.GetProperty("id").GetString()!)];
    }
}
