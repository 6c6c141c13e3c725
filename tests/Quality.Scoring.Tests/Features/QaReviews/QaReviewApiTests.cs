using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.QaReviews;

/// <summary><c>/api/qa</c> on a real replica: reviews feed <c>qa_score</c>, disputes change it, calibration reports the spread.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class QaReviewApiTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly object Standard = new
    {
        name = "Standard",
        criteria = new object[]
        {
            new { key = "greeting", weight = 0.2, maxScore = 5 },
            new { key = "accuracy", weight = 0.5, maxScore = 10 },
            new { key = "compliance", weight = 0.3, maxScore = 1, critical = true },
        },
    };

    private static object[] Scores(int greeting, int accuracy, int compliance) =>
        [new { key = "greeting", score = greeting }, new { key = "accuracy", score = accuracy }, new { key = "compliance", score = compliance }];

    [Fact]
    public async Task Reviews_feed_qa_score_and_an_overturned_dispute_replaces_the_score()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        using var manager = servers.Scoring.ClientFor("qm-1", Roles.QualityManager);
        using var supervisor = servers.Scoring.ClientFor($"sup-{team}", Roles.Supervisor, team);
        using var otherSupervisor = servers.Scoring.ClientFor("sup-other", Roles.Supervisor, "team-other");
        using var agentClient = servers.Scoring.ClientFor(agent, Roles.Agent, team);
        var rubricId = await CreateRubricAsync(manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/qa/rubrics", Standard, Cancellation)).StatusCode);

        // 100 × (0.2 × 4/5 + 0.5 × 8/10 + 0.3) = 86; the second fails compliance: 0 (70 weighted).
        var first = await ReviewAsync(supervisor, new { rubricId, caseId, scores = Scores(4, 8, 1) });
        var second = await ReviewAsync(manager, new { rubricId, caseId, scores = Scores(5, 10, 0) });
        Assert.Equal((86.0, false, agent, team), (Math.Round(first.GetProperty("score").GetDouble(), 9), first.GetProperty("failed").GetBoolean(),
            first.GetProperty("agentId").GetString(), first.GetProperty("teamId").GetString()));
        Assert.Equal((0.0, 70.0, true), (second.GetProperty("score").GetDouble(), Math.Round(second.GetProperty("weightedScore").GetDouble(), 9), second.GetProperty("failed").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSupervisor.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId, scores = Scores(1, 1, 1) }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentClient.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId, scores = Scores(5, 10, 1) }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSupervisor.GetAsync($"/api/qa/reviews/{first.GetProperty("id")}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agentClient.GetAsync($"/api/qa/reviews/{first.GetProperty("id")}", Cancellation)).StatusCode);

        await AssertQaScoreAsync(manager, agent, team, 43, 2);

        var secondId = second.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/qa/reviews/{secondId}/dispute", new { reason = "not mine" }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agentClient.PostAsJsonAsync($"/api/qa/reviews/{secondId}/dispute", new { reason = " " }, Cancellation)).StatusCode);
        using var otherManager = servers.Scoring.ClientFor("qm-2", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.Conflict, (await otherManager.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "upheld" }, Cancellation)).StatusCode);
        var disputed = await agentClient.PostAsJsonAsync($"/api/qa/reviews/{secondId}/dispute", new { reason = "the disclosure was read at 02:10" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await agentClient.PostAsJsonAsync($"/api/qa/reviews/{secondId}/dispute", new { reason = "again" }, Cancellation)).StatusCode);

        // The reviewer may not decide their own review's dispute; an overturn needs the adjusted score.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "upheld" }, Cancellation)).StatusCode);
        var noScore = await otherManager.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "overturned" }, Cancellation);
        Assert.True((await noScore.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("adjustedScore", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "overturned", adjustedScore = 70 }, Cancellation)).StatusCode);
        await AssertQaScoreAsync(manager, agent, team, 43, 2);

        var decided = await otherManager.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "overturned", adjustedScore = 70, note = "disclosure found" }, Cancellation);
        var review = await decided.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(("overturned", 70.0, 0.0), (review.GetProperty("dispute").GetProperty("outcome").GetString(), review.GetProperty("finalScore").GetDouble(), review.GetProperty("score").GetDouble()));
        Assert.Equal(HttpStatusCode.Conflict, (await otherManager.PostAsJsonAsync($"/api/qa/reviews/{secondId}/decision", new { outcome = "upheld" }, Cancellation)).StatusCode);

        // (86 + 70) / 2.
        await AssertQaScoreAsync(manager, agent, team, 78, 2);
    }

    [Fact]
    public async Task Calibration_reports_the_spread_and_counts_for_no_kpi()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        using var manager = servers.Scoring.ClientFor("qm-cal", Roles.QualityManager);
        var rubricId = await CreateRubricAsync(manager);
        var created = await manager.PostAsJsonAsync("/api/qa/calibrations", new { rubricId, caseId }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sessionId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString();

        // Overall 86, 100, and 100 × (0.2 × 3/5 + 0.5 × 6/10 + 0.3) = 72.
        foreach (var (reviewer, g, a) in new[] { ("r1", 4, 8), ("r2", 5, 10), ("r3", 3, 6) })
        {
            using var client = servers.Scoring.ClientFor(reviewer, Roles.QualityManager);
            await ReviewAsync(client, new { calibrationId = sessionId, scores = Scores(g, a, 1) });
        }

        using var again = servers.Scoring.ClientFor("r1", Roles.QualityManager);
        Assert.Equal(HttpStatusCode.Conflict, (await again.PostAsJsonAsync("/api/qa/reviews", new { calibrationId = sessionId, scores = Scores(1, 1, 1) }, Cancellation)).StatusCode);

        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/qa/calibrations/{sessionId}", Cancellation);
        Assert.Equal(3, report.GetProperty("reviews").GetArrayLength());
        var greeting = report.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "greeting");
        Assert.Equal((3.0, 5.0, 4.0), (greeting.GetProperty("min").GetDouble(), greeting.GetProperty("max").GetDouble(), greeting.GetProperty("mean").GetDouble()));
        Assert.Equal(Math.Sqrt(2 / 3.0), greeting.GetProperty("standardDeviation").GetDouble(), 9);
        var overall = report.GetProperty("overall");
        Assert.Equal((72.0, 100.0, 86.0), (Math.Round(overall.GetProperty("min").GetDouble(), 9), overall.GetProperty("max").GetDouble(), Math.Round(overall.GetProperty("mean").GetDouble(), 9)));
        Assert.Equal(Math.Sqrt(392 / 3.0), overall.GetProperty("standardDeviation").GetDouble(), 9);

        using var agentClient = servers.Scoring.ClientFor(agent, Roles.Agent, team);
        var calibrationReview = report.GetProperty("reviews")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await agentClient.PostAsJsonAsync($"/api/qa/reviews/{calibrationReview}/dispute", new { reason = "x" }, Cancellation)).StatusCode);
        await AssertQaScoreAsync(manager, agent, team, null, 0);
    }

    [Fact]
    public async Task A_review_of_an_unknown_case_or_a_bad_rubric_is_refused_and_stores_nothing()
    {
        var (_, _, caseId) = await AssignedCaseAsync();
        var reviewer = $"qm-{Guid.NewGuid():N}";
        using var manager = servers.Scoring.ClientFor(reviewer, Roles.QualityManager);
        var rubricId = await CreateRubricAsync(manager);
        var unknown = Guid.NewGuid();

        var response = await manager.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId = unknown, scores = Scores(4, 8, 1) }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Contains(unknown.ToString(), problem.GetProperty("errors").GetProperty("caseId")[0].GetString());

        var badRubric = await manager.PostAsJsonAsync("/api/qa/reviews", new { rubricId = Guid.NewGuid(), caseId, scores = Scores(4, 8, 1) }, Cancellation);
        Assert.True((await badRubric.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("rubricId", out _));
        var wrongAgent = await manager.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId, agentId = "nobody", scores = Scores(4, 8, 1) }, Cancellation);
        Assert.True((await wrongAgent.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("agentId", out _));
        var missing = await manager.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId, scores = new[] { new { key = "greeting", score = 4 } } }, Cancellation);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("scores", out _));

        var weights = await manager.PostAsJsonAsync("/api/qa/rubrics", new
        {
            name = reviewer, criteria = new[] { new { key = "a", weight = 0.5, maxScore = 5 }, new { key = "b", weight = 0.6, maxScore = 5 } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, weights.StatusCode);
        Assert.Contains("sum to 1", (await weights.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").GetProperty("criteria")[0].GetString());

        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        Assert.False(await db.QaReviews.AnyAsync(r => r.ReviewerId == reviewer, Cancellation));
        Assert.False(await db.Rubrics.AnyAsync(r => r.Name == reviewer, Cancellation));
    }

    /// <summary>A case opened for a fresh team and assigned to a fresh agent, as Scoring knows it from its facts.</summary>
    private async Task<(string Team, string Agent, Guid CaseId)> AssignedCaseAsync()
    {
        var team = $"team-qa-{Guid.NewGuid():N}"[..20];
        var agent = $"agent-qa-{Guid.NewGuid():N}"[..20];
        var caseId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await DirectFacts.RecordAsync(servers.Scoring, new IntegrationEvent[]
        {
            new CaseOpened
            {
                CorrelationId = caseId, CaseId = caseId, FeedbackId = Guid.CreateVersion7(), Category = "delivery", Priority = 2, Severity = 2,
                Channel = "api", Language = "en", TeamId = team, OpenedAt = now.AddMinutes(-5),
            },
            new CaseAssigned { CorrelationId = caseId, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "routing", AssignedAt = now.AddMinutes(-4) },
        });
        return (team, agent, caseId);
    }

    private static async Task<string> CreateRubricAsync(HttpClient manager)
    {
        var response = await manager.PostAsJsonAsync("/api/qa/rubrics", Standard, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ReviewAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/qa/reviews", body, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    /// <summary>The agent's and team's qa_score over an explicit interval around now, and over last_hour from Redis.</summary>
    private static async Task AssertQaScoreAsync(HttpClient client, string agent, string team, double? value, long samples)
    {
        var interval = LiveClient.Interval(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        foreach (var query in new[] { $"scope=agent&scope_id={agent}&{interval}", $"scope=team&scope_id={team}&{interval}", $"scope=agent&scope_id={agent}&period=last_hour" })
        {
            var kpis = await KpiClient.GetAsync(client, query);
            var (actual, count) = kpis["qa_score"];
            Assert.Equal(samples, count);
            Assert.Equal(value, actual is { } v ? Math.Round(v, 9) : null);
        }
    }
}
