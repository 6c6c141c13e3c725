using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Assignment;

/// <summary>The round_robin team setting, on real PostgreSQL and across both replicas.</summary>
public sealed class RoundRobinTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agents_of_a_round_robin_team_take_turns_whatever_their_load()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("a", capacity: 10);
        // a already holds two cases, so least_loaded would pass a over until b and c caught up.
        await scenario.OpenCaseAsync();
        await scenario.OpenCaseAsync();
        await scenario.CreateAgentAsync("b", capacity: 10);
        await scenario.CreateAgentAsync("c", capacity: 10);

        var team = await SetAssignmentAsync(scenario, "round_robin");
        Assert.Equal("round_robin", team.GetProperty("assignment").GetString());

        var taken = new List<string?>();
        for (var i = 0; i < 7; i++)
        {
            taken.Add((await scenario.OpenCaseAsync(on: i % 2 == 0 ? servers.Routing : servers.SecondReplica)).AgentId);
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], taken.Select(id => id![(scenario.Team.Length + 1)..]));

        // Back to least_loaded: a holds 5, b and c 2 each, and b has been idle longer.
        await SetAssignmentAsync(scenario, "least_loaded");
        var next = await scenario.OpenCaseAsync();
        Assert.Equal(scenario.AgentId("b"), next.AgentId);
    }

    [Fact]
    public async Task Turns_stay_strict_when_both_replicas_open_cases_at_once()
    {
        const int Agents = 3;
        const int PerAgent = 10;
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await SetAssignmentAsync(scenario, "round_robin");
        for (var i = 0; i < Agents; i++)
        {
            await scenario.CreateAgentAsync($"r{i}", capacity: PerAgent * 2);
        }

        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];
        await Task.WhenAll(Enumerable.Range(0, Agents * PerAgent).Select(i => Task.Run(() => scenario.OpenCaseAsync(on: replicas[i % 2]))));

        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var perAgent = await db.Cases.AsNoTracking().Where(c => c.Category == scenario.Category)
            .GroupBy(c => c.AgentId).Select(g => new { Agent = g.Key, Count = g.Count() }).ToListAsync(Cancellation);
        // Each turn is taken under the team's lock, so 30 cases over 3 agents is exactly 10 each, none queued.
        Assert.Equal(Agents, perAgent.Count);
        Assert.All(perAgent, p => Assert.Equal(PerAgent, p.Count));
        Assert.DoesNotContain(perAgent, p => p.Agent is null);
    }

    [Fact]
    public async Task An_unknown_assignment_is_refused_naming_the_field_and_changes_nothing()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();

        var put = await scenario.Admin.PutAsJsonAsync($"/api/teams/{scenario.Team}", new { name = "Renamed", assignment = "random" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("assignment: must be least_loaded or round_robin, not 'random'", await put.Content.ReadAsStringAsync(Cancellation));
        // Omitting it keeps the setting (least_loaded for a new team).
        var kept = await SetAssignmentAsync(scenario, "");
        Assert.Equal("least_loaded", kept.GetProperty("assignment").GetString());
        Assert.Equal("Team " + scenario.Team, kept.GetProperty("name").GetString());
    }

    private static async Task<JsonElement> SetAssignmentAsync(Scenario scenario, string assignment)
    {
        var put = await scenario.Admin.PutAsJsonAsync($"/api/teams/{scenario.Team}", new { name = "Team " + scenario.Team, assignment }, Cancellation);
        var json = await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(put.IsSuccessStatusCode, $"PUT team answered {(int)put.StatusCode}: {json}");
        return json;
    }
}
