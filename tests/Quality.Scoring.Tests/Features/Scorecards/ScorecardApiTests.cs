using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quality.Scoring.Features.Scorecards;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.Scorecards;

/// <summary>
/// <c>/api/scorecards</c> and <c>GetScorecard</c> on a real replica with the shipped appsettings.json scorecards, over
/// <see cref="FixedHistory"/>'s day (recorded straight into the facts).
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class ScorecardApiTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<FixedHistory> RecordedHistoryAsync()
    {
        var history = new FixedHistory(new DateTimeOffset(2031, 3, 4, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000)));
        await DirectFacts.RecordAsync(servers.Scoring, history.Events);
        return history;
    }

    [Fact]
    public async Task An_agents_scorecard_matches_the_hand_computed_composite_over_http_and_grpc()
    {
        var history = await RecordedHistoryAsync();
        using var manager = servers.Scoring.ClientFor("qm-card", Roles.QualityManager);

        // The shipped agent card on A2's day: CSAT 0 → 0 (×0.25); first response p50 1800 s, worst 14400, best 300 →
        // 100 × 12600/14100 (×0.15); resolution p50 14400 s, worst 172800, best 3600 → 100 × 158400/169200 (×0.15);
        // SLA 0 → 0 (×0.15); no QA review (0.2 shared out); reopen rate 100 % with worst 25 → clamped to 0 (×0.1).
        var firstResponse = 100 * 12600 / 14100.0;
        var resolution = 100 * 158400 / 169200.0;
        var expected = (0.15 * firstResponse + 0.15 * resolution) / 0.8;
        Assert.Equal(34.3085106383, expected, 9);

        var response = await manager.GetAsync($"/api/scorecards/agents/{history.A2}?{KpiClient.Day(history.T0)}", Cancellation);
        var card = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, card.ToString());
        Assert.Equal(("agent", "agent", history.A2, "custom", "postgres"), (card.GetProperty("scorecard").GetString(), card.GetProperty("scope").GetString(),
            card.GetProperty("scopeId").GetString(), card.GetProperty("period").GetString(), card.GetProperty("source").GetString()));
        Assert.Equal(expected, card.GetProperty("composite").GetDouble(), 9);
        Assert.Equal(0.8, card.GetProperty("weightWithData").GetDouble(), 9);
        var parts = card.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("kpi").GetString()!);
        Assert.Equal(
            ["csat_percent", "first_response_time_p50", "resolution_time_p50", "sla_compliance_percent", "reopen_rate_percent", "qa_score"],
            card.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("kpi").GetString()));
        var fr = parts["first_response_time_p50"];
        Assert.Equal((1800.0, 1L, 14400.0, 300.0, 0.15), (fr.GetProperty("value").GetDouble(), fr.GetProperty("sampleCount").GetInt64(),
            fr.GetProperty("worst").GetDouble(), fr.GetProperty("best").GetDouble(), fr.GetProperty("weight").GetDouble()));
        Assert.Equal(firstResponse, fr.GetProperty("normalised").GetDouble(), 9);
        Assert.Equal(0.1875, fr.GetProperty("effectiveWeight").GetDouble(), 9);
        Assert.Equal(0.1875 * firstResponse, fr.GetProperty("contribution").GetDouble(), 9);
        var reopen = parts["reopen_rate_percent"];
        Assert.Equal((100.0, 0.0, 0.0), (reopen.GetProperty("value").GetDouble(), reopen.GetProperty("normalised").GetDouble(), reopen.GetProperty("contribution").GetDouble()));
        var qa = parts["qa_score"];
        Assert.Equal((JsonValueKind.Null, 0L, JsonValueKind.Null, 0.0), (qa.GetProperty("value").ValueKind, qa.GetProperty("sampleCount").GetInt64(),
            qa.GetProperty("contribution").ValueKind, qa.GetProperty("effectiveWeight").GetDouble()));
        Assert.Equal(ScorecardPartResponse.NoData, qa.GetProperty("note").GetString());

        var (grpc, channel) = servers.Scoring.GrpcClientFor("qm-card", Roles.QualityManager);
        using (channel)
        {
            var report = await grpc.GetScorecardAsync(new GetScorecardRequest
            {
                Scope = "agent", ScopeId = history.A2, From = Timestamp.FromDateTimeOffset(history.T0), To = Timestamp.FromDateTimeOffset(history.T0.AddDays(1)),
            }, cancellationToken: Cancellation);
            Assert.Equal(expected, report.Composite!.Value, 9);
            var grpcQa = report.Parts.Single(p => p.Kpi == "qa_score");
            Assert.Equal((null, null, ScorecardPartResponse.NoData), (grpcQa.Value, grpcQa.Contribution, grpcQa.Note));
            Assert.Equal(0.1875 * firstResponse, report.Parts.Single(p => p.Kpi == "first_response_time_p50").Contribution!.Value, 9);

            var org = await Assert.ThrowsAsync<RpcException>(async () => await grpc.GetScorecardAsync(new GetScorecardRequest { Scope = "org" }, cancellationToken: Cancellation));
            Assert.Equal(StatusCode.InvalidArgument, org.StatusCode);
            Assert.Contains("scope: 'org' has no scorecard; use agent or team", org.Status.Detail);
            var unknown = await Assert.ThrowsAsync<RpcException>(async () => await grpc.GetScorecardAsync(new GetScorecardRequest { Scope = "agent", ScopeId = "nobody-at-all" }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.NotFound, "unknown agent 'nobody-at-all': Scoring has never seen a case assigned to them"), (unknown.StatusCode, unknown.Status.Detail));
        }
    }

    [Fact]
    public async Task A_teams_scorecard_uses_the_team_card_and_a_live_window_without_data_has_no_composite()
    {
        var history = await RecordedHistoryAsync();
        using var manager = servers.Scoring.ClientFor("qm-card", Roles.QualityManager);

        // The shipped team card on team T's day: CSAT 200/3 (×0.2); first response p90 1800 s, worst 28800, best 900 →
        // 100 × 27000/27900 (×0.15); resolution p90 14400 s = best → 100 (×0.15); SLA 200/3 (×0.2); no QA review
        // (0.15 shared out); reopen rate 100/3 % beyond worst 25 → 0 (×0.1); complaint rate 100 % beyond worst 50 → 0 (×0.05).
        var expected = (0.2 * 200 / 3.0 + 0.15 * (100 * 27000 / 27900.0) + 0.15 * 100 + 0.2 * 200 / 3.0) / 0.85;
        var card = await manager.GetFromJsonAsync<JsonElement>($"/api/scorecards/teams/{history.TeamT}?{KpiClient.Day(history.T0)}", Cancellation);
        Assert.Equal("team", card.GetProperty("scorecard").GetString());
        Assert.Equal(expected, card.GetProperty("composite").GetDouble(), 9);
        Assert.Equal(0.85, card.GetProperty("weightWithData").GetDouble(), 9);

        // The history is years away from now: over the last hour (read from Redis like GET /api/kpis) nothing has data.
        var live = await manager.GetFromJsonAsync<JsonElement>($"/api/scorecards/agents/{history.A1}?period=last_hour", Cancellation);
        Assert.Equal(("last_hour", "redis", JsonValueKind.Null, 0.0), (live.GetProperty("period").GetString(), live.GetProperty("source").GetString(),
            live.GetProperty("composite").ValueKind, live.GetProperty("weightWithData").GetDouble()));
        Assert.All(live.GetProperty("parts").EnumerateArray(), p => Assert.Equal(ScorecardPartResponse.NoData, p.GetProperty("note").GetString()));

        // No period and no interval: the card's configured period (week).
        var week = await manager.GetFromJsonAsync<JsonElement>($"/api/scorecards/agents/{history.A1}", Cancellation);
        Assert.Equal("week", week.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Agents_see_only_their_own_scorecard_supervisors_their_team_managers_all()
    {
        var history = await RecordedHistoryAsync();
        var day = KpiClient.Day(history.T0);
        using var agent = servers.Scoring.ClientFor(history.A1, Roles.Agent, history.TeamT);
        using var supervisor = servers.Scoring.ClientFor("sup-card", Roles.Supervisor, history.TeamT);
        using var otherSupervisor = servers.Scoring.ClientFor("sup-card-u", Roles.Supervisor, history.TeamU);
        using var admin = servers.Scoring.Admin();

        async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync($"{path}?{day}", Cancellation)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(agent, $"/api/scorecards/agents/{history.A1}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, $"/api/scorecards/agents/{history.A2}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, $"/api/scorecards/teams/{history.TeamT}"));
        // An agent cannot find out whether a colleague exists.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, "/api/scorecards/agents/nobody-at-all"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supervisor, $"/api/scorecards/agents/{history.A2}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supervisor, $"/api/scorecards/teams/{history.TeamT}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(otherSupervisor, $"/api/scorecards/agents/{history.A2}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(otherSupervisor, $"/api/scorecards/teams/{history.TeamT}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherSupervisor, $"/api/scorecards/agents/{history.B1}"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, $"/api/scorecards/teams/{history.TeamU}"));
        var unknown = await admin.GetAsync("/api/scorecards/teams/no-such-team", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown team 'no-such-team': Scoring has never seen a case opened for or assigned in it",
            (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("period=fortnight", "period", "unknown period 'fortnight'; use day, week, month, last_hour or last_24h")]
    [InlineData("from=2031-03-05T00:00:00Z&to=2031-03-04T00:00:00Z", "to", "to must be after from")]
    [InlineData("period=day&from=2031-03-04T00:00:00Z&to=2031-03-05T00:00:00Z", "period", "give either a period or from and to, not both")]
    public async Task A_bad_period_is_a_400_naming_the_field(string query, string field, string error)
    {
        var history = await RecordedHistoryAsync();
        using var admin = servers.Scoring.Admin();

        var response = await admin.GetAsync($"/api/scorecards/agents/{history.A1}?{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(error, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public void The_shipped_scorecards_are_valid_and_weigh_six_and_seven_kpis()
    {
        var catalog = servers.Scoring.Services.GetRequiredService<ScorecardCatalog>();

        Assert.Equal(6, catalog.Agent.Kpis.Count);
        Assert.Equal(7, catalog.Team.Kpis.Count);
        Assert.Equal(1, catalog.Agent.Kpis.Sum(k => k.Weight), 9);
        Assert.Equal(1, catalog.Team.Kpis.Sum(k => k.Weight), 9);
    }

    [Fact]
    public async Task The_service_refuses_to_start_with_weights_that_do_not_sum_to_1()
    {
        await using var replica = servers.AnotherReplica(new Dictionary<string, string> { ["Scoring:Scorecards:Agent:Kpis:csat_percent:Weight"] = "0.5" });

        var error = Assert.ThrowsAny<Exception>(() => replica.Server);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException { InnerException: { } inner } ? inner : error);
        Assert.Contains(
            "Configuration value 'Scoring:Scorecards:Agent:Kpis' is invalid: the weights sum to 1.25 (csat_percent 0.5 + first_response_time_p50 0.15 + " +
            "qa_score 0.2 + reopen_rate_percent 0.1 + resolution_time_p50 0.15 + sla_compliance_percent 0.15); they must sum to 1",
            validation.Failures);
    }
}
