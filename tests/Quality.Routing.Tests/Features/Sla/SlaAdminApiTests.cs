using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Features.Sla;

/// <summary>Calendars and SLA policies through the HTTP/JSON face of the gRPC API.</summary>
public sealed class SlaAdminApiTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_calendar_is_shanghai_office_hours()
    {
        var calendar = await servers.Routing.Admin().GetFromJsonAsync<JsonElement>("/api/sla/calendars/default", Cancellation);

        Assert.Equal("Asia/Shanghai", calendar.GetProperty("timeZone").GetString());
        Assert.Equal(
            ["monday 09:00-18:00", "tuesday 09:00-18:00", "wednesday 09:00-18:00", "thursday 09:00-18:00", "friday 09:00-18:00"],
            calendar.GetProperty("hours").EnumerateArray().Select(h => $"{h.GetProperty("day").GetString()} {h.GetProperty("start").GetString()}-{h.GetProperty("end").GetString()}"));
    }

    [Fact]
    public async Task A_calendar_with_split_shifts_and_holidays_is_stored_and_read_back()
    {
        using var admin = servers.Routing.Admin();
        var id = $"cal-{Guid.NewGuid():N}"[..20];
        var put = await admin.PutAsJsonAsync($"/api/sla/calendars/{id}", new
        {
            name = "London support",
            timeZone = "Europe/London",
            hours = new[] { new { day = "Monday", start = "13:00", end = "17:30" }, new { day = "monday", start = "08:00", end = "12:00" } },
            holidays = new[] { new { date = "2026-12-25", name = "Christmas Day" } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/sla/calendars/{id}", Cancellation);
        Assert.Equal(["08:00", "13:00"], read.GetProperty("hours").EnumerateArray().Select(h => h.GetProperty("start").GetString()));
        Assert.Equal("2026-12-25", read.GetProperty("holidays")[0].GetProperty("date").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/sla/calendars", Cancellation);
        Assert.Contains(list.GetProperty("calendars").EnumerateArray(), c => c.GetProperty("calendarId").GetString() == id);
    }

    [Fact]
    public async Task Overlapping_or_inverted_hours_and_an_unknown_time_zone_are_refused_naming_each_field_and_nothing_is_stored()
    {
        using var admin = servers.Routing.Admin();
        var id = $"cal-{Guid.NewGuid():N}"[..20];
        var put = await admin.PutAsJsonAsync($"/api/sla/calendars/{id}", new
        {
            timeZone = "Asia/Shangai",
            hours = new[]
            {
                new { day = "monday", start = "09:00", end = "12:00" },
                new { day = "monday", start = "11:30", end = "18:00" },
                new { day = "tuesday", start = "18:00", end = "09:00" },
            },
        }, Cancellation);

        var message = await ErrorMessageAsync(put, HttpStatusCode.BadRequest);
        Assert.Contains("time_zone: 'Asia/Shangai' is not a known time zone", message);
        Assert.Contains("hours[1]: monday 11:30–18:00 overlaps hours[0] (monday 09:00–12:00)", message);
        Assert.Contains("hours[2].end: 09:00 is not after start 18:00", message);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/sla/calendars/{id}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_policy_is_stored_with_its_goals_listed_in_rank_order_and_deleted()
    {
        using var admin = servers.Routing.Admin();
        var id = $"pol-{Guid.NewGuid():N}"[..20];
        var put = await admin.PutAsJsonAsync($"/api/sla/policies/{id}", new
        {
            name = "VIP delivery",
            rank = -1000,
            enabled = false,
            condition = new { priorities = new[] { 1, 2 }, categories = new[] { "Delivery" }, customerTiers = new[] { "VIP" } },
            targets = new object[]
            {
                new { priority = 2, firstResponse = "3600s", resolution = "28800s" },
                new { priority = 1, firstResponse = "900s", nextResponse = "1800s", resolution = "14400s" },
            },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/sla/policies", Cancellation);
        var stored = list.GetProperty("policies").EnumerateArray().First();
        Assert.Equal(id, stored.GetProperty("policyId").GetString());
        Assert.Equal("default", stored.GetProperty("calendarId").GetString());
        Assert.Equal(0.8, stored.GetProperty("warningFraction").GetDouble());
        Assert.False(stored.TryGetProperty("enabled", out var enabled) && enabled.GetBoolean());
        Assert.Equal(["delivery"], stored.GetProperty("condition").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["vip"], stored.GetProperty("condition").GetProperty("customerTiers").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["1 900s", "2 3600s"], stored.GetProperty("targets").EnumerateArray().Select(t => $"{t.GetProperty("priority").GetInt32()} {t.GetProperty("firstResponse").GetString()}"));

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/sla/policies/{id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/sla/policies/{id}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_policy_without_targets_or_with_bad_values_is_refused_naming_each_field()
    {
        using var admin = servers.Routing.Admin();
        var id = $"pol-{Guid.NewGuid():N}"[..20];
        var noTargets = await admin.PutAsJsonAsync($"/api/sla/policies/{id}", new { rank = 1, targets = Array.Empty<object>() }, Cancellation);
        var badValues = await admin.PutAsJsonAsync($"/api/sla/policies/{id}", new
        {
            warningFraction = 1.5,
            condition = new { priorities = new[] { 7 } },
            targets = new object[] { new { priority = 3 }, new { priority = 2, resolution = "-60s" } },
        }, Cancellation);
        var unknownCalendar = await admin.PutAsJsonAsync($"/api/sla/policies/{id}", new
        {
            rank = 1, calendarId = "nowhere", targets = new[] { new { priority = 1, resolution = "60s" } },
        }, Cancellation);

        Assert.Contains("targets: a policy needs at least one target", await ErrorMessageAsync(noTargets, HttpStatusCode.BadRequest));
        var bad = await ErrorMessageAsync(badValues, HttpStatusCode.BadRequest);
        Assert.Contains("rank: is required", bad);
        Assert.Contains("warning_fraction: must be more than 0 and less than 1", bad);
        Assert.Contains("condition.priorities: entries must be between 1 (most urgent) and 4", bad);
        Assert.Contains("targets[0]: needs at least one of first_response, next_response, resolution", bad);
        Assert.Contains("targets[1].resolution: must be between 1s and 365 days", bad);
        Assert.Contains("calendar_id: calendar 'nowhere' does not exist", await ErrorMessageAsync(unknownCalendar, HttpStatusCode.BadRequest));
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/sla/policies", Cancellation);
        Assert.DoesNotContain(list.GetProperty("policies").EnumerateArray(), p => p.GetProperty("policyId").GetString() == id);
    }

    [Fact]
    public async Task Only_admins_change_calendars_and_policies_and_anyone_signed_in_reads_them()
    {
        using var supervisor = servers.Routing.ClientFor("sup", Roles.Supervisor, "team-x");
        using var agent = servers.Routing.ClientFor("agent", Roles.Agent, "team-x");

        var calendar = await supervisor.PutAsJsonAsync("/api/sla/calendars/default", new
        {
            timeZone = "UTC", hours = new[] { new { day = "monday", start = "00:00", end = "24:00" } },
        }, Cancellation);
        var policy = await supervisor.PutAsJsonAsync("/api/sla/policies/sneaky", new
        {
            rank = 1, targets = new[] { new { priority = 1, resolution = "60s" } },
        }, Cancellation);

        Assert.Contains("Only admins may change business calendars", await ErrorMessageAsync(calendar, HttpStatusCode.Forbidden));
        Assert.Contains("Only admins may change SLA policies", await ErrorMessageAsync(policy, HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/sla/calendars/default", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/sla/policies", Cancellation)).StatusCode);
        var stillDefault = await agent.GetFromJsonAsync<JsonElement>("/api/sla/calendars/default", Cancellation);
        Assert.Equal("Asia/Shanghai", stillDefault.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Another_teams_case_sla_is_missing()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 1);
        var @case = await scenario.OpenCaseAsync();
        using var stranger = servers.Routing.ClientFor("stranger", Roles.Supervisor, "another-team");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{@case.Id}/sla", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Supervisor.GetAsync($"/api/cases/{@case.Id}/sla", Cancellation)).StatusCode);
    }

    /// <summary>The ProblemDetails' detail of a refused call, after checking its status.</summary>
    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem.GetProperty("detail").GetString()!;
    }
}
