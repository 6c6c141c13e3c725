using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>The in-app alert feed in a real browser: a new case's alert arrives live and is acknowledged in one click.</summary>
public sealed class AlertTests(WebSystem system, Browsers browsers)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_case_alert_arrives_live_and_one_click_acknowledges_it()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Supervisor);
        await page.GotoAsync(new Uri(system.WebAddress, "/alerts").ToString());
        await Expect(page.Locator(".feed-state")).ToHaveAttributeAsync("data-state", "Live");
        var unreadBefore = int.Parse(await page.Locator("#unread").GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        // Routing opens a case; Notifications alerts the supervisors; the feed brings it to this page.
        var caseId = await system.PostComplaintAsync("外卖送错了地址，客服电话也打不通，太气人了", Cancellation);
        var alert = page.Locator($"li.alert-item[data-kind='case_opened']:has(a[href='cases/{caseId}'])");
        await Expect(alert).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bopen\b"));
        await Expect(page.Locator("#unread")).Not.ToHaveAttributeAsync("data-unread", unreadBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await alert.Locator("button.acknowledge").ClickAsync();

        await Expect(alert).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\backnowledged\b"));
        await Expect(alert.Locator(".acknowledged-note")).ToContainTextAsync(WebSystem.Supervisor.Name);
        await Expect(alert.Locator("button.acknowledge")).ToHaveCountAsync(0);
        await Dashboard.AssertContrastAsync(page, minimumTexts: 5);
    }
}
