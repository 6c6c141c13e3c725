using System.Net.Http.Json;
using System.Text.Json;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The people view in a real browser: a team's leaderboard, an agent's scorecard, QA reviews and calibration.</summary>
public sealed class PeopleTests(WebSystem system, Browsers browsers)
{
    private const string PeopleAgent = "people.agent.one";

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_ranks_their_team_opens_an_agents_scorecard_by_keyboard_and_sees_reviews_and_calibration()
    {
        await system.UpsertAgentAsync(PeopleAgent, "team-a", 20, Cancellation);
        var caseId = await system.PostComplaintAsync("外卖送错了地址，打电话也没人接，非常生气", Cancellation);
        await system.AssignAndResolveAsync(caseId, PeopleAgent, Cancellation);

        // Scoring learns of the resolution from Routing's events: wait until the board ranks the agent.
        using var manager = system.ScoringAs("people.qm", Roles.QualityManager);
        await Eventually.Async(
            () => manager.GetFromJsonAsync<JsonElement>("/api/leaderboards/resolved?period=last_24h&limit=100", Cancellation),
            board => board.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("agentId").GetString() == PeopleAgent),
            TimeSpan.FromSeconds(60));

        // A review (100 × (0.5 × 4/5 + 0.5 × 1) = 90) and a calibration session with one review of 70.
        var rubric = await PostAsync(manager, "/api/qa/rubrics", new
        {
            name = $"people-{Guid.NewGuid():N}",
            criteria = new object[]
            {
                new { key = "courtesy", weight = 0.5, maxScore = 5 },
                new { key = "compliance", weight = 0.5, maxScore = 1, critical = true },
            },
        });
        var review = await PostAsync(manager, "/api/qa/reviews", new
        {
            rubricId = rubric, caseId, scores = new[] { new { key = "courtesy", score = 4 }, new { key = "compliance", score = 1 } },
        });
        var calibration = await PostAsync(manager, "/api/qa/calibrations", new { rubricId = rubric, caseId });
        await PostAsync(manager, "/api/qa/reviews", new
        {
            calibrationId = calibration, scores = new[] { new { key = "courtesy", score = 2 }, new { key = "compliance", score = 1 } },
        });

        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
        await page.GotoAsync(new Uri(system.WebAddress, "/people").ToString());
        await page.Locator("#board-metric").SelectOptionAsync("resolved");
        var row = page.Locator($"tr.board-row[data-agent='{PeopleAgent}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("人员");
        await Dashboard.AssertContrastAsync(page, minimumTexts: 10);

        // By keyboard: Tab reaches the agent's link with a visible focus ring, Enter opens their scorecard.
        var reached = await Dashboard.TabUntilAsync(page, f => f.Tag == "a" && f.Href.EndsWith($"/people?agent={PeopleAgent}", StringComparison.Ordinal), maxTabs: 60);
        Assert.True(reached[^1].ShowsFocus, $"the agent link shows no focus: {reached[^1]}");
        await page.Keyboard.PressAsync("Enter");
        var resolution = page.Locator("tr.scorecard-part[data-kpi='resolution_time_p50']");
        await Expect(resolution).ToBeVisibleAsync();
        // Resolved within seconds, far better than the card's best (an hour): normalised to 100.
        await Expect(resolution.Locator(".normalised")).ToHaveTextAsync("100.0");
        Assert.True(await page.Locator("tr.scorecard-part").CountAsync() >= 2);
        await Expect(page.Locator("#scorecard-composite")).Not.ToHaveTextAsync("—");

        var reviewRow = page.Locator($"tr.review-row[data-review='{review}']");
        await Expect(reviewRow).ToContainTextAsync("90.0");
        await Expect(reviewRow).ToHaveAttributeAsync("data-outcome", "none");
        var calibrationRow = page.Locator($"tr.calibration-row[data-calibration='{calibration}']");
        await Expect(calibrationRow).ToContainTextAsync("70.0");
        await Expect(calibrationRow.Locator(".deviation")).ToHaveTextAsync("0.0");
        await Dashboard.AssertContrastAsync(page, minimumTexts: 30);
    }

    private async Task<string> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json}");
        return json.GetProperty("id").GetString()!;
    }
}
