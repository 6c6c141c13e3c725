using System.Net.Http.Json;
using System.Text.Json;
using Quality.Routing.Features.Cases;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Routing.Tests.Features.Agents;

/// <summary>What presence changes do to the cases an agent holds, on real PostgreSQL.</summary>
public sealed class PresenceRoutingTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Going_offline_requeues_unanswered_cases_and_reroutes_them_while_away_keeps_them()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 3);
        var answered = await scenario.OpenCaseAsync(severity: 2);
        var low = await scenario.OpenCaseAsync(severity: 1);
        var urgent = await scenario.OpenCaseAsync(severity: 4);
        var annId = scenario.AgentId("ann");
        Assert.All([answered, low, urgent], c => Assert.Equal(annId, c.AgentId));
        using var ann = servers.Routing.ClientFor(annId, Roles.Agent, scenario.Team);
        await scenario.PostAsync(ann, $"/api/cases/{answered.Id}/responses", new { note = "looking into it" });
        // Joins after ann has everything, with room for one case.
        await scenario.CreateAgentAsync("bob", capacity: 1);

        var away = await SetOwnPresenceAsync(ann, annId, "away");
        Assert.Equal(3, away.GetProperty("activeCases").GetInt32());
        Assert.All(await Task.WhenAll(scenario.CaseAsync(low.Id), scenario.CaseAsync(urgent.Id)), c => Assert.Equal(annId, c.AgentId));

        var offline = await SetOwnPresenceAsync(ann, annId, "offline");

        // The answered case stays with ann; the urgent one goes to bob at once; bob is then full, so the other waits.
        Assert.Equal(1, offline.GetProperty("activeCases").GetInt32());
        Assert.Equal(annId, (await scenario.CaseAsync(answered.Id)).AgentId);
        Assert.Equal(scenario.AgentId("bob"), (await scenario.CaseAsync(urgent.Id)).AgentId);
        var waiting = await scenario.CaseAsync(low.Id);
        Assert.Equal(CaseStatus.Open, waiting.Status);
        Assert.Null(waiting.AgentId);

        var timeline = (await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{low.Id}/timeline", Cancellation))
            .GetProperty("entries").EnumerateArray().ToList();
        var requeued = Assert.Single(timeline, e => e.GetProperty("action").GetString() == "requeued");
        Assert.Equal("assigned", requeued.GetProperty("fromStatus").GetString());
        Assert.Equal("open", requeued.GetProperty("toStatus").GetString());
        Assert.Equal(annId, requeued.GetProperty("actor").GetString());
        Assert.Contains($"agent {annId} went offline before a first response", requeued.GetProperty("detail").GetString());
        var urgentTimeline = (await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{urgent.Id}/timeline", Cancellation))
            .GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .Where(a => a is "assigned" or "requeued").ToList();
        Assert.Equal(["assigned", "requeued", "assigned"], urgentTimeline);
        Assert.Contains("CaseStatusChanged", await scenario.EventsAsync(low.Id));

        // Back online, ann takes the waiting case from the queue.
        await SetOwnPresenceAsync(ann, annId, "online");
        var back = await Eventually.Async(() => scenario.CaseAsync(low.Id), c => c.AgentId == annId);
        Assert.Equal(CaseStatus.Assigned, back.Status);
    }

    [Fact]
    public async Task Going_offline_without_anyone_else_leaves_the_cases_queued_not_lost()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("cid", capacity: 2);
        var first = await scenario.OpenCaseAsync();
        var second = await scenario.OpenCaseAsync();

        // A supervisor sets it, as when an agent's session ends without them doing so.
        var put = await scenario.Supervisor.PutAsJsonAsync($"/api/agents/{scenario.AgentId("cid")}/presence", new { presence = "offline" }, Cancellation);
        put.EnsureSuccessStatusCode();

        Assert.Equal(0, (await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("activeCases").GetInt32());
        Assert.All(await Task.WhenAll(scenario.CaseAsync(first.Id), scenario.CaseAsync(second.Id)), c =>
        {
            Assert.Equal(CaseStatus.Open, c.Status);
            Assert.Null(c.AgentId);
        });
    }

    private static async Task<JsonElement> SetOwnPresenceAsync(HttpClient agent, string agentId, string presence)
    {
        var put = await agent.PutAsJsonAsync($"/api/agents/{agentId}/presence", new { presence }, Cancellation);
        var json = await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(put.IsSuccessStatusCode, $"PUT presence answered {(int)put.StatusCode}: {json}");
        return json;
    }
}
