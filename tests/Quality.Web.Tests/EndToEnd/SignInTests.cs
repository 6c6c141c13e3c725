using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>Signing in, and everything that must not get in: no session, a forged session, wrong passwords, forged forms.</summary>
public sealed class SignInTests(WebSystem system, Browsers browsers)
{
    private const string WrongCredentials = "The user name or password is incorrect.";

    [Fact]
    public async Task The_right_password_opens_the_live_overview()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;

        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin);

        await Expect(page).ToHaveURLAsync(new Uri(system.WebAddress, "/").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Expect(page.Locator(".scope")).ToHaveTextAsync("Whole organisation");
        await Dashboard.WaitForLiveOverviewAsync(page);
        await Expect(page.Locator(".tile")).ToHaveCountAsync(7);
        await Expect(page.Locator(".who")).ToContainTextAsync("Signed in as admin");
    }

    [Fact]
    public async Task A_visitor_without_a_session_is_sent_to_sign_in_and_back_afterwards()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync(system.WebAddress.ToString());

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2F$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Quality");
        await page.Locator("#name").FillAsync(WebSystem.Admin.Name);
        await page.Locator("#password").FillAsync(WebSystem.Admin.Password);
        await page.Locator("button.primary").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
    }

    [Fact]
    public async Task A_forged_session_cookie_is_sent_to_sign_in()
    {
        await using var browser = await browsers.OpenAsync();
        await browser.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = "quality.session", Value = "CfDJ8" + new string('A', 200), Url = system.WebAddress.ToString(),
        }]);
        var page = browser.Page;

        await page.GotoAsync(system.WebAddress.ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Quality");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_message_and_no_session()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;

        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin, password: "not-the-password");
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync(WrongCredentials);
        await Expect(page.Locator("#password")).ToHaveValueAsync("");

        await Dashboard.SignInAsync(page, system.WebAddress, WebSystem.Admin with { Name = "no.such.person" });
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync(WrongCredentials);

        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "quality.session");
        await page.GotoAsync(system.WebAddress.ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Quality");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_name_even_for_the_right_password()
    {
        await using var browser = await browsers.OpenAsync();
        var page = browser.Page;
        var person = WebSystem.Guessed;

        for (var i = 0; i < WebSystem.FailuresPerName; i++)
        {
            await Dashboard.SignInAsync(page, system.WebAddress, person, password: $"guess-{i}");
            await Expect(page.Locator("#signin-error")).ToHaveTextAsync(WrongCredentials);
        }

        await Dashboard.SignInAsync(page, system.WebAddress, person);

        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("Too many failed sign-in attempts. Wait a minute and try again.");
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "quality.session");
    }

    [Theory]
    [InlineData("/language", "language=zh&returnUrl=%2F")]
    [InlineData("/account/signout", "")]
    [InlineData("/signin", "_handler=signin&Input.Name=admin&Input.Password=x")]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused(string path, string form)
    {
        using var http = new HttpClient { BaseAddress = system.WebAddress };
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a refused form must not set a cookie");
    }
}
