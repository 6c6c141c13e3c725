using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;
using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Sla;

/// <summary>
/// SLA clocks through a case's life on real PostgreSQL, with the time read from a fake clock set in 2031 on the
/// default calendar (Asia/Shanghai, Monday to Friday 09:00–18:00), so every deadline can be worked out by hand.
/// </summary>
public sealed class SlaClockTests(RoutingServers servers)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Caller Admin = new("admin-1", Team: null, IsSupervisorOrAbove: true, IsAdmin: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Waiting_on_the_customer_overnight_pauses_the_clock_and_the_reply_resumes_it_with_the_elapsed_time_kept()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        // Priority 3 (severity 2): 4 h to the first response, 2 h to each next one, 8 h to resolve; warn at 75 %.
        await scenario.CreatePolicyAsync(new[] { new { priority = 3, firstResponse = "14400s", nextResponse = "7200s", resolution = "28800s" } }, 0.75);
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 16, 0, 0, Shanghai).ToUniversalTime());
        var @case = await OpenAsync(scenario, time);

        // Monday 16:00–18:00 is 2 h, so 3 h and 4 h run out on Tuesday at 10:00 and 11:00, 6 h and 8 h at 13:00 and 15:00.
        Assert.Equal(
        [
            $"first_response Warning {Tuesday(10)}", $"first_response Breach {Tuesday(11)}",
            $"resolution Warning {Tuesday(13)}", $"resolution Breach {Tuesday(15)}",
        ], await TimersAsync(@case.Id));

        time.Advance(TimeSpan.FromHours(1));
        await ActAsync(time, s => s.Lifecycle.RecordResponseAsync(Admin, @case.Id, "sorry", Cancellation));
        time.Advance(TimeSpan.FromMinutes(30));
        await ActAsync(time, s => s.Lifecycle.ChangeStatusAsync(Admin, @case.Id, "pending_customer", "asked for the order number", Cancellation));
        Assert.Empty(await TimersAsync(@case.Id));

        // The customer answers at 10:00 the next morning: 90 of 480 minutes were used, so 390 are left.
        time.SetUtcNow(Tuesday(10).ToUniversalTime());
        await ActAsync(time, s => s.Lifecycle.ChangeStatusAsync(Admin, @case.Id, "assigned", "", Cancellation));
        Assert.Equal(
        [
            $"next_response Warning {Tuesday(11, 30)}", $"next_response Breach {Tuesday(12)}",
            $"resolution Warning {Tuesday(14, 30)}", $"resolution Breach {Tuesday(16, 30)}",
        ], await TimersAsync(@case.Id));

        time.Advance(TimeSpan.FromHours(1));
        await ActAsync(time, s => s.Lifecycle.RecordResponseAsync(Admin, @case.Id, "found it", Cancellation));
        time.Advance(TimeSpan.FromHours(1));
        await ActAsync(time, s => s.Lifecycle.ResolveAsync(Admin, @case.Id, "refunded", Cancellation));

        Assert.Empty(await TimersAsync(@case.Id));
        var responses = await scenario.EventPayloadsAsync(@case.Id, nameof(CaseResponded));
        Assert.Equal(["01:00:00", "01:00:00"], responses.Select(r => r.GetProperty("responseTime").GetString()));
        var resolved = Assert.Single(await scenario.EventPayloadsAsync(@case.Id, nameof(CaseResolved)));
        Assert.Equal("03:30:00", resolved.GetProperty("resolutionTime").GetString());
        Assert.True(resolved.GetProperty("slaMet").GetBoolean());

        var sla = await ActAsync(time, s => s.Sla.GetAsync(Admin, @case.Id, Cancellation));
        Assert.Equal(
            ["FirstResponse stopped 60", "NextResponse stopped 60", "Resolution stopped 210"],
            sla.Clocks.Select(c => $"{c.Clock.Target} {c.Clock.State.Name()} {c.Used.TotalMinutes}"));
        Assert.Equal(
            ["started 0", "paused 90", "resumed 90", "met 210"],
            sla.Entries.Where(e => e.Target == SlaTarget.Resolution).Select(e => $"{e.Event} {e.Used.TotalMinutes}"));
        Assert.Equal(90, sla.Entries.Single(e => e.Target == SlaTarget.Resolution && e.Event == "paused").Segment!.Value.TotalMinutes);
        Assert.Equal(120, sla.Entries.Single(e => e.Target == SlaTarget.Resolution && e.Event == "met").Segment!.Value.TotalMinutes);
    }

    [Fact]
    public async Task Reopening_resumes_the_resolution_clock_and_a_deadline_passed_since_the_last_sweep_is_breached_once()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        await scenario.CreatePolicyAsync(new[] { new { priority = 3, resolution = "3600s" } }, 0.5);
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 17, 0, 0, Shanghai).ToUniversalTime());
        var @case = await OpenAsync(scenario, time);

        time.Advance(TimeSpan.FromMinutes(15));
        await ActAsync(time, s => s.Lifecycle.ResolveAsync(Admin, @case.Id, "", Cancellation));
        // Reopened on Tuesday at 09:00 with 15 of 60 minutes used: due at 09:45, warned at 09:15.
        time.SetUtcNow(Tuesday(9).ToUniversalTime());
        await ActAsync(time, s => s.Lifecycle.ReopenAsync(Admin, @case.Id, "the refund never arrived", Cancellation));
        Assert.Equal([$"resolution Warning {Tuesday(9, 15)}", $"resolution Breach {Tuesday(9, 45)}"], await TimersAsync(@case.Id));

        // Resolved at 10:00, before any sweep ran: 75 minutes used, so the breach is announced now, due 09:45.
        time.SetUtcNow(Tuesday(10).ToUniversalTime());
        await ActAsync(time, s => s.Lifecycle.ResolveAsync(Admin, @case.Id, "", Cancellation));

        Assert.Empty(await TimersAsync(@case.Id));
        var breach = Assert.Single(await scenario.EventPayloadsAsync(@case.Id, nameof(SlaBreached)));
        Assert.Equal(Tuesday(9, 45), breach.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal((int)SlaTarget.Resolution, breach.GetProperty("target").GetInt32());
        var resolutions = await scenario.EventPayloadsAsync(@case.Id, nameof(CaseResolved));
        Assert.Equal([true, false], resolutions.Select(r => r.GetProperty("slaMet").GetBoolean()));
        Assert.Equal("01:15:00", resolutions[1].GetProperty("resolutionTime").GetString());

        var breached = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={@case.FeedbackId}&slaBreached=true", Cancellation);
        var notBreached = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={@case.FeedbackId}&slaBreached=false", Cancellation);
        var found = Assert.Single(breached.GetProperty("cases").EnumerateArray());
        Assert.True(found.GetProperty("slaBreached").GetBoolean());
        Assert.Equal($"policy-{scenario.Category}", found.GetProperty("slaPolicyId").GetString());
        Assert.Empty(notBreached.GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_matching_policy_the_clocks_measure_business_time_without_goals_or_timers()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 7, 17, 0, 0, Shanghai).ToUniversalTime());
        var @case = await OpenAsync(scenario, time);

        // Friday 17:00 to Monday 10:00 is two business hours.
        time.SetUtcNow(new DateTimeOffset(2031, 3, 10, 10, 0, 0, Shanghai).ToUniversalTime());
        await ActAsync(time, s => s.Lifecycle.ResolveAsync(Admin, @case.Id, "", Cancellation));

        Assert.Empty(await TimersAsync(@case.Id));
        var resolved = Assert.Single(await scenario.EventPayloadsAsync(@case.Id, nameof(CaseResolved)));
        Assert.Equal("02:00:00", resolved.GetProperty("resolutionTime").GetString());
        Assert.True(resolved.GetProperty("slaMet").GetBoolean());
        var sla = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}/sla", Cancellation);
        Assert.Equal("", sla.GetProperty("slaPolicyId").GetString());
        Assert.All(sla.GetProperty("clocks").EnumerateArray(), c => Assert.False(c.TryGetProperty("goal", out _)));
    }

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2031, 3, 4, hour, minute, 0, Shanghai);

    private Task<Case> OpenAsync(Scenario scenario, FakeTimeProvider time)
    {
        var feedbackId = Guid.CreateVersion7();
        return ActAsync(time, s => s.OpenAsync(new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Category = scenario.Category, Severity = 2,
            Sentiment = -0.5, Language = "zh", Summary = "送餐太慢了", ReceivedAt = time.GetUtcNow(),
        }));
    }

    private Task<T> ActAsync<T>(FakeTimeProvider time, Func<ClockedServices, Task<T>> step) => ClockedServices.RunAsync(servers.Routing, time, step);

    private async Task<List<string>> TimersAsync(Guid caseId)
    {
        await using var services = new ClockedServices(servers.Routing, new FakeTimeProvider());
        var timers = await services.Db.SlaTimers.AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(Cancellation);
        return [.. timers.OrderBy(t => t.Target).ThenBy(t => t.DueAt)
            .Select(t => $"{t.Target.Name()} {t.Kind} {t.DueAt.ToOffset(Shanghai)}")];
    }
}
