using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The goals view in a real browser: each person sees the goals Scoring lets them see.</summary>
public sealed class GoalTests(WebSystem system, Browsers browsers)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_sees_their_teams_goal_with_its_status_and_not_the_organisations()
    {
        var teamGoal = await system.CreateGoalAsync("csat_percent", 90, "team", "team-a", Cancellation);
        var orgGoal = await system.CreateGoalAsync("backlog", 10, "org", "", Cancellation);

        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
        await page.GotoAsync(new Uri(system.WebAddress, "/goals").ToString());

        var row = page.Locator($"tr.goal-row[data-goal='{teamGoal}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("团队 team-a");
        await Expect(row).ToContainTextAsync("≥ 90%");
        Assert.False(string.IsNullOrEmpty(await row.GetAttributeAsync("data-status")));
        await Expect(page.Locator($"tr.goal-row[data-goal='{orgGoal}']")).ToHaveCountAsync(0);

        await page.Locator("#goal-state").SelectOptionAsync("decided");
        await Expect(row).ToHaveCountAsync(0);
    }
}
