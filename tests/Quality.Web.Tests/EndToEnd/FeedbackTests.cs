using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The feedback view in a real browser: Intake's counts and newest items, and Scoring's surge states.</summary>
public sealed class FeedbackTests(WebSystem system, Browsers browsers)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_grow_when_feedback_arrives_and_the_new_items_show_classified()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);
        await page.GotoAsync(new Uri(system.WebAddress, "/feedback").ToString());
        var total = page.Locator("#feedback-total");
        await Expect(total).ToBeVisibleAsync();
        var before = long.Parse(await total.InnerTextAsync(), CultureInfo.InvariantCulture);
        await Expect(page.Locator("table.surges, section[aria-labelledby='surges-title'] .empty")).ToHaveCountAsync(1);

        var praise = await system.PostFeedbackForIdAsync("The courier was lovely and the food was great, thank you", Cancellation);
        var complaint = await system.PostFeedbackForIdAsync("The courier was rude and threw the bag at me, I want a refund", Cancellation);

        // By keyboard: Tab reaches the period and then the refresh button, both with a visible focus ring.
        var period = await Dashboard.TabUntilAsync(page, f => f.Id == "feedback-period");
        Assert.True(period[^1].ShowsFocus, $"the period shows no focus: {period[^1]}");
        await page.Keyboard.PressAsync("Tab");
        var refresh = await Dashboard.FocusedAsync(page);
        Assert.True(refresh.Id == "feedback-refresh" && refresh.ShowsFocus, $"expected the refresh button with a focus ring: {refresh}");
        await page.Keyboard.PressAsync("Enter");

        await Expect(total).ToHaveTextAsync((before + 2).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"tr.feedback-row[data-feedback='{praise}']")).ToHaveAttributeAsync("data-kind", "praise");
        await Expect(page.Locator($"tr.feedback-row[data-feedback='{complaint}']")).ToHaveAttributeAsync("data-kind", "complaint");
        var api = page.Locator("section[data-dimension='channel'] tr.count-row[data-key='api'] .count");
        Assert.True(long.Parse(await api.InnerTextAsync(), CultureInfo.InvariantCulture) >= 2);
        await Expect(page.Locator("section[data-dimension='kind'] tr.count-row[data-key='complaint']")).ToBeVisibleAsync();
        await Dashboard.AssertContrastAsync(page, minimumTexts: 20);

    }

    [Fact]
    public async Task An_agent_is_not_offered_the_feedback_view_and_is_refused_it_by_intake()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Agent);
        await Expect(page.Locator("nav.nav a[href='people']")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.nav a[href='feedback']")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(system.WebAddress, "/feedback").ToString());
        await Expect(page.Locator("p.error[role='alert']")).ToContainTextAsync("The service refused");
    }
}
