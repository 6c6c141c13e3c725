using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Scoring.Features.Leaderboards;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.Leaderboards;

public sealed class LeaderboardTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Ranking_puts_the_best_first_shares_ranks_on_ties_and_leaves_out_thin_samples()
    {
        var sums = new Dictionary<string, Dictionary<string, double>>
        {
            ["frt_ms"] = new() { ["ann"] = 1_200_000, ["bob"] = 300_000, ["cy"] = 600_000, ["dee"] = 100_000 },
            ["frt_n"] = new() { ["ann"] = 2, ["bob"] = 1, ["cy"] = 2, ["dee"] = 1 },
        };

        var ranked = LeaderboardRanking.Rank(LeaderboardMetric.FirstResponseTime, sums, minSamples: 1, limit: 10);

        // dee 100 s; cy 300 s on two responses ranks before bob's 300 s on one, sharing rank 2; ann 600 s.
        Assert.Equal(
            [new LeaderboardEntry(1, "dee", 100, 1), new(2, "cy", 300, 2), new(2, "bob", 300, 1), new(4, "ann", 600, 2)],
            ranked);
        Assert.Equal(["ann", "cy"], LeaderboardRanking.Rank(LeaderboardMetric.FirstResponseTime, sums, 2, 10).Select(e => e.AgentId).Order());
        Assert.Single(LeaderboardRanking.Rank(LeaderboardMetric.FirstResponseTime, sums, 1, 1));
    }

    [Theory]
    [InlineData("speed", "", "metric")]
    [InlineData("resolved", "period=day", "period")]
    [InlineData("resolved", "limit=101", "limit")]
    [InlineData("resolved", "min_samples=-1", "min_samples")]
    [InlineData("resolved", "scope=agent&scope_id=a1", "scope")]
    [InlineData("resolved", "scope=team", "scope_id")]
    public async Task Bad_input_is_invalid_argument_naming_the_field(string metric, string query, string field)
    {
        using var admin = servers.Scoring.Admin();

        var response = await admin.GetAsync($"/api/leaderboards/{metric}?{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Agents_and_supervisors_see_their_own_teams_board_managers_every_board()
    {
        using var agent = servers.Scoring.ClientFor("a1", Roles.Agent, "team-t");
        using var supervisor = servers.Scoring.ClientFor("sup", Roles.Supervisor, "team-t");
        using var noTeam = servers.Scoring.ClientFor("sup2", Roles.Supervisor);
        using var manager = servers.Scoring.ClientFor("qm", Roles.QualityManager);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(agent, "scope=team&scope_id=team-t"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, "scope=team&scope_id=team-u"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(agent, "scope=org"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supervisor, "scope=team&scope_id=team-t"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(supervisor, ""));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(noTeam, "scope=team&scope_id=team-t"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(manager, "scope=org&period=last_hour"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(manager, "scope=team&scope_id=team-u"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string query) =>
        (await client.GetAsync($"/api/leaderboards/csat_percent?{query}", Cancellation)).StatusCode;
}
