using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Features.Agents;

/// <summary>Teams and agents through the HTTP/JSON face of the gRPC API, on real PostgreSQL.</summary>
public sealed class TeamsAndAgentsApiTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agent_is_created_with_skills_and_capacity_and_starts_offline()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        var id = scenario.AgentId("ann");

        var put = await scenario.Supervisor.PutAsJsonAsync($"/api/agents/{id}", new
        {
            teamId = scenario.Team, displayName = "Ann", categories = new[] { "Delivery", "billing" }, languages = new[] { "zh" }, capacity = 3,
        }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var agent = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/agents/{id}", Cancellation);
        Assert.Equal(scenario.Team, agent.GetProperty("teamId").GetString());
        Assert.Equal(["billing", "delivery"], agent.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, agent.GetProperty("capacity").GetInt32());
        Assert.Equal("offline", agent.GetProperty("presence").GetString());

        var list = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/agents?teamId={scenario.Team}", Cancellation);
        Assert.Equal([id], list.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));
    }

    [Fact]
    public async Task Bad_agent_input_names_every_field_and_stores_nothing()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        var id = scenario.AgentId("bad");

        var negative = await scenario.Admin.PutAsJsonAsync($"/api/agents/{id}", new { teamId = scenario.Team, capacity = -1, languages = new[] { "" } }, Cancellation);
        var unknownTeam = await scenario.Admin.PutAsJsonAsync($"/api/agents/{id}", new { teamId = "no-such-team", capacity = 2 }, Cancellation);
        var noCapacity = await scenario.Admin.PutAsJsonAsync($"/api/agents/{id}", new { teamId = scenario.Team }, Cancellation);

        await AssertInvalidAsync(negative, "capacity: must be 0 or more, not -1", "languages: must not contain empty entries");
        await AssertInvalidAsync(unknownTeam, "team_id: team 'no-such-team' does not exist");
        await AssertInvalidAsync(noCapacity, "capacity: is required");
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Admin.GetAsync($"/api/agents/{id}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Unknown_agent_and_unknown_presence_are_refused()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("zoe", capacity: 1, presence: "offline");

        var unknown = await scenario.Admin.PutAsJsonAsync($"/api/agents/{scenario.AgentId("nobody")}/presence", new { presence = "online" }, Cancellation);
        var badPresence = await scenario.Admin.PutAsJsonAsync($"/api/agents/{scenario.AgentId("zoe")}/presence", new { presence = "asleep" }, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("agent_id", await unknown.Content.ReadAsStringAsync(Cancellation));
        await AssertInvalidAsync(badPresence, "presence: must be one of online, away, offline");
    }

    [Fact]
    public async Task Agents_set_their_own_presence_but_not_a_colleagues()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("me", capacity: 1, presence: "offline");
        await scenario.CreateAgentAsync("you", capacity: 1, presence: "offline");
        using var me = servers.Routing.ClientFor(scenario.AgentId("me"), Roles.Agent, scenario.Team);

        var own = await me.PutAsJsonAsync($"/api/agents/{scenario.AgentId("me")}/presence", new { presence = "away" }, Cancellation);
        var colleague = await me.PutAsJsonAsync($"/api/agents/{scenario.AgentId("you")}/presence", new { presence = "online" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("away", (await own.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("presence").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
    }

    [Fact]
    public async Task Supervisors_change_only_their_own_team_and_agents_change_nothing()
    {
        var scenario = new Scenario(servers.Routing);
        var other = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await other.CreateTeamAsync();
        using var agent = servers.Routing.ClientFor(scenario.AgentId("me"), Roles.Agent, scenario.Team);

        var intoOtherTeam = await scenario.Supervisor.PutAsJsonAsync($"/api/agents/{other.AgentId("x")}", new { teamId = other.Team, capacity = 1 }, Cancellation);
        var byAgent = await agent.PutAsJsonAsync($"/api/agents/{scenario.AgentId("me")}", new { teamId = scenario.Team, capacity = 99 }, Cancellation);
        var teamByAgent = await agent.PutAsJsonAsync($"/api/teams/{scenario.Team}", new { name = "mine now" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, intoOtherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, teamByAgent.StatusCode);
    }

    /// <summary>HTTP 400 ProblemDetails with each "field: reason" among its field errors.</summary>
    private static async Task AssertInvalidAsync(HttpResponseMessage response, params string[] violations)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        foreach (var violation in violations)
        {
            var (field, reason) = (violation[..violation.IndexOf(": ", StringComparison.Ordinal)], violation[(violation.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            Assert.Contains(errors.GetProperty(field).EnumerateArray(), e => e.GetString()!.StartsWith(reason, StringComparison.Ordinal));
        }
    }
}
