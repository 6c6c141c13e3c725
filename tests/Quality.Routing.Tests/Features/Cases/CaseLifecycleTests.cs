using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Routing.Features.Cases;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Features.Cases;

/// <summary>The case lifecycle through the HTTP/JSON face of the gRPC API, on real PostgreSQL.</summary>
public sealed class CaseLifecycleTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_lives_from_response_to_close_with_a_timeline_row_and_an_event_for_every_change()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 1);
        var @case = await scenario.OpenCaseAsync();
        using var ann = servers.Routing.ClientFor(scenario.AgentId("ann"), Roles.Agent, scenario.Team);
        var path = $"/api/cases/{@case.Id}";

        var responded = await scenario.PostAsync(ann, $"{path}/responses", new { note = "sorry, checking" });
        await scenario.PostAsync(ann, $"{path}/status", new { status = "pending_customer", reason = "asked for order number" });
        await scenario.PostAsync(ann, $"{path}/status", new { status = "assigned" });
        await scenario.PostAsync(ann, $"{path}/responses", new { });
        var resolved = await scenario.PostAsync(ann, $"{path}/resolve", new { note = "refunded" });
        var closed = await scenario.PostAsync(scenario.Supervisor, $"{path}/close", new { });

        Assert.Equal("assigned", responded.GetProperty("status").GetString());
        Assert.Equal(1, responded.GetProperty("responseCount").GetInt32());
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.True(closed.TryGetProperty("closedAt", out _));

        var timeline = (await ann.GetFromJsonAsync<JsonElement>($"{path}/timeline", Cancellation)).GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("fromStatus").GetString()}->{e.GetProperty("toStatus").GetString()} by {e.GetProperty("actor").GetString()}")
            .ToList();
        var agent = scenario.AgentId("ann");
        Assert.Equal(
        [
            "opened ->open by system", "assigned open->assigned by system", $"responded assigned->assigned by {agent}",
            $"status_changed assigned->pending_customer by {agent}", $"status_changed pending_customer->assigned by {agent}",
            $"responded assigned->assigned by {agent}", $"resolved assigned->resolved by {agent}", $"closed resolved->closed by sup-{scenario.Team}",
        ], timeline);

        var events = await scenario.EventsAsync(@case.Id);
        Assert.Equal(2, events.Count(e => e == "CaseResponded"));
        Assert.Equal(1, events.Count(e => e == "CaseResolved"));
        Assert.Equal(5, events.Count(e => e == "CaseStatusChanged"));
    }

    [Fact]
    public async Task Resolving_frees_the_agent_and_the_queue_backfills_the_slot()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 1);
        var first = await scenario.OpenCaseAsync();
        var queued = await scenario.OpenCaseAsync();
        Assert.Equal(CaseStatus.Open, queued.Status);

        await scenario.PostAsync(scenario.Supervisor, $"/api/cases/{first.Id}/resolve", new { });

        Assert.Equal(scenario.AgentId("ann"), (await scenario.CaseAsync(queued.Id)).AgentId);
        var agent = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/agents/{scenario.AgentId("ann")}", Cancellation);
        Assert.Equal(1, agent.GetProperty("activeCases").GetInt32());
    }

    [Fact]
    public async Task Reopened_case_returns_to_its_agent_and_counts_against_first_contact_resolution()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 1);
        var @case = await scenario.OpenCaseAsync();
        await scenario.PostAsync(scenario.Supervisor, $"/api/cases/{@case.Id}/resolve", new { });

        var reopened = await scenario.PostAsync(scenario.Supervisor, $"/api/cases/{@case.Id}/reopen", new { reason = "customer wrote again" });

        Assert.Equal("assigned", reopened.GetProperty("status").GetString());
        Assert.Equal(scenario.AgentId("ann"), reopened.GetProperty("agentId").GetString());
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Contains("CaseReopened", await scenario.EventsAsync(@case.Id));
    }

    [Fact]
    public async Task Illegal_transitions_fail_the_precondition_naming_the_states_and_change_nothing()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 2);
        var open = await scenario.OpenCaseAsync();
        var closed = await scenario.OpenCaseAsync();
        await scenario.PostAsync(scenario.Admin, $"/api/cases/{closed.Id}/resolve", new { });
        await scenario.PostAsync(scenario.Admin, $"/api/cases/{closed.Id}/close", new { });
        var eventsBefore = (await scenario.EventsAsync(closed.Id)).Count;

        await AssertConflictAsync(scenario, $"/api/cases/{closed.Id}/resolve", "Cannot resolve a case that is closed");
        await AssertConflictAsync(scenario, $"/api/cases/{closed.Id}/reopen", "Cannot reopen a case that is closed");
        await AssertConflictAsync(scenario, $"/api/cases/{open.Id}/reopen", "Cannot reopen a case that is assigned");
        await AssertConflictAsync(scenario, $"/api/cases/{open.Id}/close", "Cannot close a case that is assigned");

        Assert.Equal(eventsBefore, (await scenario.EventsAsync(closed.Id)).Count);
        Assert.Equal(CaseStatus.Closed, (await scenario.CaseAsync(closed.Id)).Status);
        var wrongStatus = await scenario.Admin.PostAsJsonAsync($"/api/cases/{open.Id}/status", new { status = "resolved" }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus.StatusCode);
    }

    [Fact]
    public async Task Agents_act_only_on_their_own_cases_and_other_teams_cases_are_missing()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 1);
        var @case = await scenario.OpenCaseAsync();
        using var colleague = servers.Routing.ClientFor(scenario.AgentId("bob"), Roles.Agent, scenario.Team);
        using var stranger = servers.Routing.ClientFor("stranger", Roles.Supervisor, "another-team");
        using var manager = servers.Routing.ClientFor("qm", Roles.QualityManager);

        var byColleague = await colleague.PostAsJsonAsync($"/api/cases/{@case.Id}/resolve", new { }, Cancellation);
        var byStranger = await stranger.PostAsJsonAsync($"/api/cases/{@case.Id}/resolve", new { }, Cancellation);
        var timelineByStranger = await stranger.GetAsync($"/api/cases/{@case.Id}/timeline", Cancellation);
        var byManager = await manager.PostAsJsonAsync($"/api/cases/{@case.Id}/responses", new { }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, timelineByStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        Assert.Equal(CaseStatus.Assigned, (await scenario.CaseAsync(@case.Id)).Status);
    }

    private static async Task AssertConflictAsync(Scenario scenario, string path, string message)
    {
        var response = await scenario.Admin.PostAsJsonAsync(path, new { }, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith(message, problem.GetProperty("detail").GetString());
    }
}
