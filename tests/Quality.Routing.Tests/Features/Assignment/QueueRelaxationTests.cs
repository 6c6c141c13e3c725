using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Routing.Tests.Features.Assignment;

/// <summary>Optional skills relaxing on real PostgreSQL, through the queue fill's SQL and the replicas' sweepers.</summary>
public sealed class QueueRelaxationTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_waiting_longer_than_relax_after_goes_to_an_agent_without_its_channel_but_never_without_its_language()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        var webId = scenario.AgentId("web");
        await scenario.CreateAgentAsync("web", capacity: 5, channels: ["web"]);
        var phone = await scenario.OpenCaseAsync(channel: "phone");
        var french = await scenario.OpenCaseAsync(language: "fr", channel: "web");
        Assert.All([phone, french], c => Assert.Equal(CaseStatus.Open, c.Status));

        // A sweep before the wait is over changes nothing.
        await servers.Routing.Services.GetRequiredService<QueueDrainer>().DrainAsync(100, Cancellation);
        Assert.Null((await scenario.CaseAsync(phone.Id)).AgentId);

        // Both have now waited 20 minutes (RelaxAfter is 15 by default); the sweep finds the phone case a home.
        await BackdateQueueAsync(TimeSpan.FromMinutes(20), phone.Id, french.Id);
        var assigned = await Eventually.Async(() => scenario.CaseAsync(phone.Id), c => c.AgentId == webId);
        Assert.Equal(CaseStatus.Assigned, assigned.Status);
        var note = (await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{phone.Id}/timeline", Cancellation))
            .GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "assigned")
            .GetProperty("detail").GetString();
        Assert.Contains("went to an agent without channel phone", note);

        // Language is required by default, however long the case waits.
        await servers.Routing.Services.GetRequiredService<QueueDrainer>().DrainAsync(100, Cancellation);
        Assert.Equal(CaseStatus.Open, (await scenario.CaseAsync(french.Id)).Status);
    }

    private async Task BackdateQueueAsync(TimeSpan by, params Guid[] ids)
    {
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE cases SET queued_at = queued_at - {by} WHERE id = ANY({ids})", Cancellation);
    }
}
