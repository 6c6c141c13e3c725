using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The case queue and a case page in a real browser, each person acting as themselves against Routing.</summary>
public sealed class QueueTests(WebSystem system, Browsers browsers)
{
    private const string AgentTwo = "queue.agent.two";
    private const string FullAgent = "queue.agent.full";

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_reaches_the_queue_a_supervisor_reassigns_it_and_the_timeline_shows_it()
    {
        await system.UpsertAgentAsync(WebSystem.Agent.Name, "team-a", 20, Cancellation);
        await system.UpsertAgentAsync(AgentTwo, "team-a", 20, Cancellation);
        await system.UpsertAgentAsync(FullAgent, "team-a", 0, Cancellation);
        var caseId = await system.PostComplaintAsync("骑手态度恶劣，还把汤洒了一半，要求退款", Cancellation);

        // No agent is online, so the case waits unclaimed: the admin sees it in the queue with its SLA countdown
        // ticking, and gives it to team-a's agent from the case page.
        await using (var admin = await browsers.OpenAsync())
        {
            var page = admin.Page;
            await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);
            await page.GotoAsync(new Uri(system.WebAddress, "/queue").ToString());
            var row = page.Locator($"tr.case-row[data-case='{caseId}']");
            await Expect(row).ToBeVisibleAsync();
            var countdown = row.Locator("time.countdown");
            if (await countdown.CountAsync() > 0)
            {
                var first = await countdown.InnerTextAsync();
                await Expect(countdown).Not.ToHaveTextAsync(first);
            }

            await Dashboard.AssertContrastAsync(page, minimumTexts: 10);

            // By keyboard: Tab reaches the case's link with a visible focus ring, Enter opens it.
            var reached = await Dashboard.TabUntilAsync(page, f => f.Tag == "a" && f.Href.EndsWith($"/cases/{caseId}", StringComparison.Ordinal), maxTabs: 80);
            Assert.True(reached[^1].ShowsFocus, $"the case link shows no focus: {reached[^1]}");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#case-status")).ToHaveTextAsync("Waiting for an agent");
            await Expect(page.Locator("table.sla")).ToBeVisibleAsync();
            await Expect(page.Locator("ol.case-timeline li[data-action='opened']")).ToHaveCountAsync(1);
            await Dashboard.AssertContrastAsync(page, minimumTexts: 10);
            await page.Locator("#assign-agent").SelectOptionAsync(WebSystem.Agent.Name);
            await page.Locator("#assign-submit").ClickAsync();
            await Expect(page.Locator("#case-agent")).ToHaveTextAsync(WebSystem.Agent.Name);
        }

        // Now it is team-a's: the supervisor finds it in their queue, is refused a full agent, and reassigns it.
        await using (var supervisor = await browsers.OpenAsync())
        {
            var page = supervisor.Page;
            await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
            await page.GotoAsync(new Uri(system.WebAddress, "/queue").ToString());
            var row = page.Locator($"tr.case-row[data-case='{caseId}']");
            await Expect(row).ToBeVisibleAsync();
            await page.Locator("#filter-status").SelectOptionAsync("pending_customer");
            await Expect(row).ToHaveCountAsync(0);
            // Whether the case climbs the escalation ladder depends on how Intake read the complaint (its sentiment
            // and severity), so the escalation filter is not asserted here; the status filter is.
            await page.Locator("#filter-status").SelectOptionAsync("assigned");
            await Expect(row).ToBeVisibleAsync();
            await row.Locator("a").ClickAsync();
            await Expect(page.Locator("#case-agent")).ToHaveTextAsync(WebSystem.Agent.Name);

            await page.Locator("#assign-agent").SelectOptionAsync(FullAgent);
            await page.Locator("#assign-submit").ClickAsync();
            await Expect(page.Locator("#case-error")).ToContainTextAsync("at capacity");
            await Expect(page.Locator("#case-agent")).ToHaveTextAsync(WebSystem.Agent.Name);

            await page.Locator("#assign-agent").SelectOptionAsync(AgentTwo);
            await page.Locator("#assign-note").FillAsync("customer asked for a senior agent");
            await page.Locator("#assign-submit").ClickAsync();
            await Expect(page.Locator("#case-agent")).ToHaveTextAsync(AgentTwo);
            var reassigned = page.Locator("ol.case-timeline li[data-action='assigned']").Last;
            await Expect(reassigned).ToContainTextAsync(WebSystem.Supervisor.Name);
            await Expect(reassigned).ToContainTextAsync($"{WebSystem.Agent.Name} → {AgentTwo}");
        }

        // An agent of the team may read the case but is offered no assignment.
        await using (var agent = await browsers.OpenAsync())
        {
            var page = agent.Page;
            await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Agent);
            await page.GotoAsync(new Uri(system.WebAddress, $"/cases/{caseId}").ToString());
            await Expect(page.Locator("#case-agent")).ToHaveTextAsync(AgentTwo);
            await Expect(page.Locator("ol.case-timeline li[data-action='assigned']")).ToHaveCountAsync(2);
            await Expect(page.Locator("#assign-agent")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_case_climbing_the_escalation_ladder_is_acknowledged_in_one_click_and_the_timeline_says_who()
    {
        // Sharply negative (sentiment -1 by the rules): Routing escalates it on opening, to level 1 (agent).
        var caseId = await system.PostComplaintAsync("送餐太慢了，饭菜都凉了，非常失望，再也不点了", Cancellation);

        await using var admin = await browsers.OpenAsync();
        var page = admin.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);
        var acknowledge = page.Locator("#acknowledge-escalation");
        // The ladder starts within a sweep of the opening; the page shows what Routing says when it loads.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            await page.GotoAsync(new Uri(system.WebAddress, $"/cases/{caseId}").ToString());
            await Expect(page.Locator("#case-status")).ToBeVisibleAsync();
        }
        while (await acknowledge.CountAsync() == 0 && DateTimeOffset.UtcNow < deadline);

        await acknowledge.ClickAsync();

        await Expect(page.Locator("#case-escalation")).ToContainTextAsync($"Acknowledged by {WebSystem.Admin.Name}");
        await Expect(acknowledge).ToHaveCountAsync(0);
        await Expect(page.Locator("ol.case-timeline li[data-action='escalation_acknowledged']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_supervisor_asking_for_another_teams_case_is_told_it_does_not_exist()
    {
        const string TeamBAgent = "queue.agent.team-b";
        await system.UpsertAgentAsync(TeamBAgent, "team-b", 20, Cancellation);
        var caseId = await system.PostComplaintAsync("菜里有头发，太恶心了，再也不点了", Cancellation);
        await system.AssignAsync(caseId, TeamBAgent, Cancellation);

        // team-a's supervisor (who reads Chinese) types the other team's case address: the same answer as a case that
        // does not exist, so the page says nothing about it.
        await using var supervisor = await browsers.OpenAsync();
        var page = supervisor.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
        await page.GotoAsync(new Uri(system.WebAddress, $"/cases/{caseId}").ToString());
        await Expect(page.Locator("p.error[role='alert']")).ToHaveTextAsync("该工单不存在或您无权查看。");
        await Expect(page.Locator("#case-status")).ToHaveCountAsync(0);
        Assert.DoesNotContain("头发", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_or_unknown_case_address_shows_a_plain_not_found()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);

        foreach (var id in new[] { "..%2F..%2Fetc", Guid.NewGuid().ToString() })
        {
            await page.GotoAsync(new Uri(system.WebAddress, $"/cases/{id}").ToString());
            await Expect(page.Locator("p.error[role='alert']")).ToHaveTextAsync("This case does not exist or you may not see it.");
        }
    }
}
