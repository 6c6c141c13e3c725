using Quality.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.Kpis;

/// <summary>
/// The fixed history published on the real broker, folded by the service's consumers into PostgreSQL, and read
/// back through <c>GET /api/kpis</c>: the same hand-computed values as the unit tests.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class KpiApiTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpis_from_events_on_the_bus_match_the_hand_computed_values_and_duplicates_change_nothing()
    {
        // A day of its own, earlier than any other test's history: the backlog counts every case still open at
        // the period end, whenever it was opened, so the organisation's figures are this test's alone.
        var t0 = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));
        var history = new FixedHistory(t0);
        using var admin = servers.Scoring.Admin();
        var day = KpiClient.Day(t0);

        await Bus.PublishAllAsync(servers.Scoring, history);
        await WaitForAsync(admin, $"scope=org&{day}", ExpectedKpis.Organisation);
        await WaitForAsync(admin, $"scope=team&scope_id={history.TeamT}&{day}", ExpectedKpis.TeamT);
        await WaitForAsync(admin, $"scope=agent&scope_id={history.A1}&{day}", ExpectedKpis.AgentA1);
        await WaitForAsync(admin, $"scope=agent&scope_id={history.A2}&{day}", ExpectedKpis.AgentA2);

        // Every event again under new message ids (a re-publish the inbox cannot recognise): once all have been
        // consumed, the figures are exactly what they were.
        var again = await Bus.PublishAllAsync(servers.Scoring, history);
        await Eventually.Async(() => Bus.ConsumedAsync(servers.Scoring, again), consumed => consumed == again.Count);
        Assert.True(KpiClient.Matches(ExpectedKpis.Organisation, await KpiClient.GetAsync(admin, $"scope=org&{day}")));
        Assert.True(KpiClient.Matches(ExpectedKpis.TeamT, await KpiClient.GetAsync(admin, $"scope=team&scope_id={history.TeamT}&{day}")));
    }

    [Theory]
    [InlineData("scope=galaxy", "scope")]
    [InlineData("scope=team", "scope_id")]
    [InlineData("period=fortnight", "period")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=2026-11-02T00:00:00Z", "to")]
    [InlineData("period=day&from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z", "period")]
    public async Task Bad_input_is_invalid_argument_naming_the_field(string query, string field)
    {
        using var admin = servers.Scoring.Admin();

        var response = await admin.GetAsync($"/api/kpis?{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Agents_see_only_themselves_supervisors_their_team_managers_everything()
    {
        var history = new FixedHistory(new DateTimeOffset(2040, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await Bus.PublishAllAsync(servers.Scoring, history);
        using var admin = servers.Scoring.Admin();
        await WaitForAsync(admin, $"scope=agent&scope_id={history.A1}&{KpiClient.Day(history.T0)}", ExpectedKpis.AgentA1);

        using var agent = servers.Scoring.ClientFor(history.A1, Roles.Agent, history.TeamT);
        using var supervisor = servers.Scoring.ClientFor("sup", Roles.Supervisor, history.TeamT);
        using var manager = servers.Scoring.ClientFor("qm", Roles.QualityManager);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(agent, $"scope=agent&scope_id={history.A1}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, $"scope=agent&scope_id={history.A2}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, $"scope=team&scope_id={history.TeamT}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, "scope=org"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supervisor, $"scope=team&scope_id={history.TeamT}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supervisor, $"scope=agent&scope_id={history.A2}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(supervisor, $"scope=team&scope_id={history.TeamU}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(supervisor, $"scope=agent&scope_id={history.B1}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(supervisor, "scope=org"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(manager, "scope=org"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(manager, $"scope=team&scope_id={history.TeamU}"));
    }

    [Fact]
    public async Task Named_periods_answer_with_their_interval()
    {
        using var admin = servers.Scoring.Admin();

        foreach (var period in new[] { "day", "week", "month", "last_hour", "last_24h" })
        {
            var report = await admin.GetFromJsonAsync<JsonElement>($"/api/kpis?period={period}", Cancellation);
            Assert.Equal(period, report.GetProperty("period").GetString());
            Assert.True(report.GetProperty("to").GetDateTimeOffset() > report.GetProperty("from").GetDateTimeOffset());
            Assert.Equal(13, report.GetProperty("kpis").GetArrayLength());
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string query) =>
        (await client.GetAsync($"/api/kpis?{query}", Cancellation)).StatusCode;

    private static async Task WaitForAsync(HttpClient client, string query, IReadOnlyDictionary<string, (double? Value, long Samples)> expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var last = await KpiClient.GetAsync(client, query);
        while (!KpiClient.Matches(expected, last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancellation);
            last = await KpiClient.GetAsync(client, query);
        }

        Assert.True(KpiClient.Matches(expected, last), $"{query}: {KpiClient.Describe(last)}");
    }
}
