using Quality.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Alerts;

public sealed class AcknowledgeTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_teams_supervisor_acknowledges_a_new_case_alert_and_others_get_403()
    {
        var scenario = new Scenario(servers.Notifications);
        var opened = scenario.CaseOpened();
        await scenario.PublishAsync(opened);
        var alerts = await Eventually.Async(() => scenario.AlertsForAsync(opened.EventId), a => a.Count == 1);
        var path = $"/api/alerts/{alerts[0].Id}/acknowledge";

        var otherTeam = servers.Notifications.ClientFor("sup-other", Roles.Supervisor, "another-team");
        var agent = servers.Notifications.ClientFor("agent-1", Roles.Agent, scenario.Team);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.PostAsync(path, null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(path, null, Cancellation)).StatusCode);

        var supervisor = servers.Notifications.ClientFor("sup-mine", Roles.Supervisor, scenario.Team);
        var acknowledged = await supervisor.PostAsync(path, null, Cancellation);
        var json = await acknowledged.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("sup-mine", json.GetProperty("acknowledgedBy").GetString());

        // The feed shows it acknowledged; the feed still has exactly one alert for the case.
        var feed = await supervisor.GetFromJsonAsync<JsonElement>($"/api/alerts?caseId={opened.CaseId}", Cancellation);
        var only = Assert.Single(feed.GetProperty("alerts").EnumerateArray());
        Assert.True(only.TryGetProperty("acknowledgedAt", out _));
    }

    [Fact]
    public async Task A_person_alert_is_acknowledged_by_that_person_and_not_by_a_colleague()
    {
        var scenario = new Scenario(servers.Notifications);
        var person = $"qm-{Guid.NewGuid():N}";
        var created = await scenario.Manager.PostAsJsonAsync("/api/rules", new
        {
            name = "mine",
            eventTypes = new[] { "GoalMissed" },
            scope = new { kind = "person", value = person },
            channel = "in_app",
            templates = new { zh = "目标 {metric} 未达成", en = "Goal {metric} missed" },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var missed = new Quality.Contracts.Scoring.GoalMissed
        {
            CorrelationId = Guid.CreateVersion7(),
            GoalId = Guid.CreateVersion7(),
            Metric = "csat",
            Scope = Quality.Contracts.Scoring.GoalScope.Organisation,
            OwnerId = person,
            Target = 4.5,
            Current = 4.1,
            Deadline = DateTimeOffset.UtcNow,
        };
        await scenario.PublishAsync(missed);
        var alert = (await Eventually.Async(() => scenario.AlertsForAsync(missed.EventId), a => a.Count == 1))[0];
        Assert.Equal("Goal csat missed", alert.Title);
        var path = $"/api/alerts/{alert.Id}/acknowledge";

        // Another quality manager is not the person it is addressed to.
        var colleague = servers.Notifications.ClientFor("qm-colleague", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsync(path, null, Cancellation)).StatusCode);
        var owner = servers.Notifications.ClientFor(person, Roles.QualityManager);
        // The person's own feed lists it; a colleague's does not, though their team-wide list would.
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/alerts?addressedToMe=true&pageSize=200", Cancellation);
        Assert.Contains(mine.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("alertId").GetString() == alert.Id.ToString());
        var theirs = await colleague.GetFromJsonAsync<JsonElement>("/api/alerts?addressedToMe=true&pageSize=200", Cancellation);
        Assert.DoesNotContain(theirs.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("alertId").GetString() == alert.Id.ToString());
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(path, null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/alerts/{Guid.NewGuid()}/acknowledge", null, Cancellation)).StatusCode);
    }
}
