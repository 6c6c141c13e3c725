using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The overview in a real browser against the real system: live values, language, keyboard and contrast.</summary>
public sealed class OverviewTests(WebSystem system, Browsers browsers)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_posted_to_intake_shows_on_the_open_overview_without_a_reload()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);
        await Dashboard.WaitForLiveOverviewAsync(page);
        var backlog = Dashboard.TileValue(page, "backlog");
        var before = int.Parse(await backlog.InnerTextAsync(), CultureInfo.InvariantCulture);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        Assert.Equal("complaint", await system.PostFeedbackAsync("送餐太慢了，等了两个小时，饭菜都凉了，非常失望", Cancellation));

        // Intake → RabbitMQ → Routing opens a case → Scoring counts it → the feed → this page.
        await Expect(backlog).Not.ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
        Assert.True(int.Parse(await backlog.InnerTextAsync(), CultureInfo.InvariantCulture) > before);
        await Expect(page.Locator(".tile[data-kpi='complaint_rate_percent'] .tile-value")).Not.ToHaveTextAsync("—");
        Assert.Equal(0, navigations);

        // Choosing a tile charts its trend, which now has the case in its current hour.
        await page.Locator(".tile[data-kpi='backlog']").ClickAsync();
        await Expect(page.Locator("#trend-heading")).ToHaveTextAsync("Trend: Backlog");
        await Expect(page.Locator("svg.chart path.line")).ToHaveAttributeAsync("d", new System.Text.RegularExpressions.Regex("^M"));
        await Expect(page.Locator("svg.chart circle.dot")).Not.ToHaveCountAsync(0);

        if (Environment.GetEnvironmentVariable("QUALITY_WEB_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await ScreenshotWithDataAsync(page, screenshot);
        }
    }

    [Fact]
    public async Task The_ui_speaks_the_persons_language_and_remembers_a_switch()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;

        // The supervisor is configured for Chinese, and sees their team.
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
        await Expect(page.Locator("h1")).ToHaveTextAsync("概览");
        await Expect(page.Locator(".scope")).ToHaveTextAsync("团队 team-a");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await Dashboard.WaitForLiveOverviewAsync(page);

        await page.Locator("form.language button[value='en']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Expect(page.Locator(".scope")).ToHaveTextAsync("Team team-a");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Expect(page.Locator(".tile[data-kpi='backlog'] .tile-name")).ToHaveTextAsync("Backlog");

        await page.Locator("form.language button[value='zh']").ClickAsync();
        await Expect(page.Locator(".tile[data-kpi='backlog'] .tile-name")).ToHaveTextAsync("积压工单");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_sign_in_fields_and_the_navigation_with_a_visible_focus()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(new Uri(system.WebAddress, "/signin").ToString());

        var reached = await Dashboard.TabUntilAsync(page, f => f.Id == "password");
        Assert.Contains(reached, f => f.Id == "name" && f.ShowsFocus);
        Assert.True(reached[^1].ShowsFocus, $"the password field shows no focus: {reached[^1]}");
        await page.Keyboard.TypeAsync(WebSystem.Admin.Password);
        await page.Locator("#name").FocusAsync();
        await page.Keyboard.TypeAsync(WebSystem.Admin.Name);
        await page.Keyboard.PressAsync("Enter");
        await Dashboard.WaitForLiveOverviewAsync(page);

        var onOverview = await Dashboard.TabUntilAsync(page, f => f.Tag == "a" && f.Text == "Overview");
        Assert.True(onOverview[^1].ShowsFocus, $"the navigation link shows no focus: {onOverview[^1]}");
        reached = await Dashboard.TabUntilAsync(page, f => f.Tag == "button" && f.Text.StartsWith("CSAT", StringComparison.Ordinal));
        Assert.True(reached[^1].ShowsFocus, $"the CSAT tile shows no focus: {reached[^1]}");
    }

    [Fact]
    public async Task Every_text_on_the_overview_has_a_contrast_of_at_least_4_5_to_1()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);
        await Dashboard.WaitForLiveOverviewAsync(page);

        await Dashboard.AssertContrastAsync(page, minimumTexts: 20);
    }

    /// <summary>For the README: the overview after some surveys, so every tile has something to show.</summary>
    private async Task ScreenshotWithDataAsync(IPage page, string path)
    {
        foreach (var (type, score) in new[] { ("csat", 5), ("csat", 4), ("csat", 2), ("nps", 10), ("nps", 9), ("nps", 6) })
        {
            await system.PostSurveyAsync(type, score, Cancellation);
        }

        await system.PostFeedbackAsync("The courier was friendly and fast, thank you!", Cancellation);
        await Expect(Dashboard.TileValue(page, "nps")).Not.ToHaveTextAsync("—");
        await Expect(Dashboard.TileValue(page, "csat_percent")).Not.ToHaveTextAsync("—");
        await page.Locator(".tile[data-kpi='csat_percent']").ClickAsync();
        await Expect(page.Locator("svg.chart path.line")).ToHaveAttributeAsync("d", new System.Text.RegularExpressions.Regex("^M"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
