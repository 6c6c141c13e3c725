using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Features.Escalation;

/// <summary>Acknowledging an escalation over HTTP (the transcoded gRPC API), with its role and team checks.</summary>
public sealed class EscalationApiTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_assigned_agent_acknowledges_a_critical_case_and_others_are_refused_with_problem_details()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 2);
        var critical = await scenario.OpenCaseAsync(severity: 4);
        var ordinary = await scenario.OpenCaseAsync(severity: 2);
        using var ann = servers.Routing.ClientFor(scenario.AgentId("ann"), Roles.Agent, scenario.Team);
        using var bob = servers.Routing.ClientFor(scenario.AgentId("bob"), Roles.Agent, scenario.Team);
        using var outsider = servers.Routing.ClientFor("sup-other", Roles.Supervisor, "team-other");

        var escalated = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/cases?escalated=true&teamId={scenario.Team}", Cancellation);
        Assert.Equal([critical.Id.ToString()], escalated.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));
        var byColleague = await bob.PostAsJsonAsync($"/api/cases/{critical.Id}/escalation/acknowledge", new { }, Cancellation);
        var byOutsider = await outsider.PostAsJsonAsync($"/api/cases/{critical.Id}/escalation/acknowledge", new { }, Cancellation);
        var notEscalated = await ann.PostAsJsonAsync($"/api/cases/{ordinary.Id}/escalation/acknowledge", new { }, Cancellation);
        var acknowledged = await scenario.PostAsync(ann, $"/api/cases/{critical.Id}/escalation/acknowledge", new { note = "calling back" });
        var twice = await ann.PostAsJsonAsync($"/api/cases/{critical.Id}/escalation/acknowledge", new { }, Cancellation);

        // Errors come back as ProblemDetails whose detail says why.
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Contains("is not assigned to", await MessageAsync(byColleague));
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notEscalated.StatusCode);
        Assert.Contains("is not escalated", await MessageAsync(notEscalated));
        Assert.Contains("already acknowledged by", await MessageAsync(twice));
        var escalation = acknowledged.GetProperty("escalation");
        Assert.Equal("acknowledged", escalation.GetProperty("state").GetString());
        Assert.Equal("critical_severity", escalation.GetProperty("trigger").GetString());
        Assert.Equal((1, "agent"), (escalation.GetProperty("level").GetInt32(), escalation.GetProperty("role").GetString()));
        Assert.Equal(scenario.AgentId("ann"), escalation.GetProperty("acknowledgedBy").GetString());
        Assert.False(escalation.TryGetProperty("nextLevelAt", out _));
        var timeline = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/cases/{critical.Id}/timeline", Cancellation);
        var last = timeline.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(("escalation_acknowledged", scenario.AgentId("ann")), (last.GetProperty("action").GetString(), last.GetProperty("actor").GetString()));
        Assert.EndsWith("calling back", last.GetProperty("detail").GetString());
        var none = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/cases?escalated=true&teamId={scenario.Team}", Cancellation);
        Assert.Empty(none.GetProperty("cases").EnumerateArray());
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString()!;
}
