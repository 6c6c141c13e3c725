using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Routing.Tests.Features.Sla;

/// <summary>Durable SLA timers on real time and real PostgreSQL, swept by both replicas' background sweepers.</summary>
public sealed class SlaTimerTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Breach_fires_within_about_a_second_of_its_deadline_after_its_warning()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 1);
        var calendar = await CreateRoundTheClockCalendarAsync(scenario);
        await scenario.CreatePolicyAsync(new[] { new { priority = 3, firstResponse = "2s" } }, 0.5, calendar);

        var @case = await scenario.OpenCaseAsync();
        var breach = (await Eventually.Async(() => scenario.EventPayloadsAsync(@case.Id, "SlaBreached"), e => e.Count > 0)).Single();

        var due = breach.GetProperty("dueAt").GetDateTimeOffset();
        var lateness = breach.GetProperty("breachedAt").GetDateTimeOffset() - due;
        TestContext.Current.TestOutputHelper?.WriteLine($"Breach fired {lateness.TotalMilliseconds:0} ms after its deadline");
        Assert.InRange(due - @case.OpenedAt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.001));
        Assert.InRange(lateness, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(["SlaWarning", "SlaBreached"], (await scenario.EventsAsync(@case.Id)).Where(e => e.StartsWith("Sla", StringComparison.Ordinal)));
        // The breach starts the escalation ladder in the same transaction: level 1, the case's agent.
        var escalated = Assert.Single(await scenario.EventPayloadsAsync(@case.Id, nameof(CaseEscalated)));
        Assert.Equal((1, "agent", (int)EscalationTrigger.SlaBreach), (escalated.GetProperty("level").GetInt32(), escalated.GetProperty("role").GetString(), escalated.GetProperty("trigger").GetInt32()));

        var sla = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}/sla", Cancellation);
        Assert.True(sla.GetProperty("breached").GetBoolean());
        var clock = sla.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("target").GetString() == "first_response");
        // The case itself, read alone or in a list, carries the nearest running deadline, so a queue needs no call per case.
        var listed = (await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={@case.FeedbackId}", Cancellation))
            .GetProperty("cases").EnumerateArray().Single();
        var read = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}", Cancellation);
        Assert.Equal(due, listed.GetProperty("slaDueAt").GetDateTimeOffset());
        Assert.Equal(due, read.GetProperty("slaDueAt").GetDateTimeOffset());
        Assert.Equal("running", clock.GetProperty("state").GetString());
        Assert.Equal("2s", clock.GetProperty("goal").GetString());
        Assert.True(clock.TryGetProperty("breachedAt", out _));
        Assert.Equal(
            ["started", "warning", "breached"],
            sla.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("target").GetString() == "first_response").Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task What_a_change_answers_carries_the_nearest_running_deadline_after_the_change()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 1);
        var calendar = await CreateRoundTheClockCalendarAsync(scenario);
        await scenario.CreatePolicyAsync(new[] { new { priority = 3, firstResponse = "3600s", resolution = "7200s" } }, 0.8, calendar);
        var @case = await scenario.OpenCaseAsync();
        using var ann = servers.Routing.ClientFor(scenario.AgentId("ann"), Roles.Agent, scenario.Team);
        var path = $"/api/cases/{@case.Id}";

        var opened = await ann.GetFromJsonAsync<JsonElement>(path, Cancellation);
        var responded = await scenario.PostAsync(ann, $"{path}/responses", new { note = "checking" });
        var pending = await scenario.PostAsync(ann, $"{path}/status", new { status = "pending_customer", reason = "order number?" });
        var resumed = await scenario.PostAsync(ann, $"{path}/status", new { status = "assigned" });
        var resolved = await scenario.PostAsync(ann, $"{path}/resolve", new { note = "refunded" });

        // First response is due an hour after opening; once answered, resolution (two hours) is the nearest.
        Assert.Equal(@case.OpenedAt.AddHours(1), opened.GetProperty("slaDueAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(@case.OpenedAt.AddHours(2), responded.GetProperty("slaDueAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.False(pending.TryGetProperty("slaDueAt", out _), "waiting on the customer pauses the clock");
        Assert.True(resumed.GetProperty("slaDueAt").GetDateTimeOffset() > @case.OpenedAt.AddHours(2), "the pause moved the deadline on");
        Assert.Equal((await ann.GetFromJsonAsync<JsonElement>(path, Cancellation)).TryGetProperty("slaDueAt", out _), resolved.TryGetProperty("slaDueAt", out _));
        Assert.False(resolved.TryGetProperty("slaDueAt", out _), "a resolved case has no running clock");
    }

    [Fact]
    public async Task Breach_fires_once_when_two_replicas_sweep()
    {
        const int cases = 100;
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: cases);
        var calendar = await CreateRoundTheClockCalendarAsync(scenario);
        await scenario.CreatePolicyAsync(new[] { new { priority = 3, resolution = "3s" } }, 0.5, calendar);
        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];
        var ids = new List<Guid>();
        for (var i = 0; i < cases; i++)
        {
            ids.Add((await scenario.OpenCaseAsync(on: replicas[i % 2])).Id);
        }

        // Besides each replica's own background sweeper, two more per replica sweep in small batches, 50 times a second.
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var racers = replicas.SelectMany(r => Enumerable.Range(0, 2).Select(_ => Task.Run(() => SweepUntilAsync(r, done.Token)))).ToList();
        await Eventually.Async(() => BreachedAsync(ids), count => count == cases, TimeSpan.FromSeconds(30));
        await done.CancelAsync();
        var claimed = (await Task.WhenAll(racers)).Sum();

        TestContext.Current.TestOutputHelper?.WriteLine($"The racing sweepers claimed {claimed} of {2 * cases} timers");
        var (warnings, breaches) = await EventCountsAsync(ids);
        Assert.All(ids, id => Assert.Equal(1, warnings.GetValueOrDefault(id)));
        Assert.All(ids, id => Assert.Equal(1, breaches.GetValueOrDefault(id)));
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        Assert.Equal(0, await db.SlaTimers.CountAsync(t => ids.Contains(t.CaseId), Cancellation));
        Assert.Equal(cases, await db.SlaTimeline.CountAsync(e => ids.Contains(e.CaseId) && e.Event == "breached", Cancellation));
    }

    private static async Task<int> SweepUntilAsync(RoutingHost replica, CancellationToken stop)
    {
        var sweep = replica.Services.GetRequiredService<SlaTimerSweep>();
        var claimed = 0;
        var watch = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var batch = await sweep.SweepOnceAsync(7, CancellationToken.None);
            claimed += batch;
            if (batch == 0)
            {
                // Nothing due: a short breath, so four racers do not starve the tests running beside them.
                await Task.Delay(20, CancellationToken.None);
            }
        }

        return claimed;
    }

    private async Task<int> BreachedAsync(List<Guid> ids)
    {
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        return await db.Cases.CountAsync(c => ids.Contains(c.Id) && c.SlaBreachedAt != null, Cancellation);
    }

    private async Task<(Dictionary<Guid, int> Warnings, Dictionary<Guid, int> Breaches)> EventCountsAsync(List<Guid> ids)
    {
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var keys = ids.Select(id => id.ToString()).ToArray();
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT split_part(message_type, ',', 1) || ' ' || (payload->>'caseId') AS "Value" FROM outbox_messages
            WHERE payload->>'caseId' = ANY({keys})
              AND (message_type LIKE 'Quality.Contracts.Routing.SlaWarning,%' OR message_type LIKE 'Quality.Contracts.Routing.SlaBreached,%')
            """).ToListAsync(Cancellation);
        Dictionary<Guid, int> Count(string type) => rows.Where(r => r.StartsWith(type + " ", StringComparison.Ordinal))
            .GroupBy(r => Guid.Parse(r.Split(' ')[1])).ToDictionary(g => g.Key, g => g.Count());
        return (Count("Quality.Contracts.Routing.SlaWarning"), Count("Quality.Contracts.Routing.SlaBreached"));
    }

    private static async Task<string> CreateRoundTheClockCalendarAsync(Scenario scenario)
    {
        var id = $"always-{scenario.Category}";
        var hours = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "00:00", end = "24:00" });
        var put = await scenario.Admin.PutAsJsonAsync($"/api/sla/calendars/{id}", new { name = "Round the clock", timeZone = "UTC", hours }, Cancellation);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Cancellation));
        return id;
    }
}
