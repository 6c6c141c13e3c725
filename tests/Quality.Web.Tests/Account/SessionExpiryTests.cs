using System.Net;
using Microsoft.Net.Http.Headers;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

/// <summary>
/// A session cookie whose ticket has expired, as a browser still sends it (a kept tab, a copied cookie): it must open
/// nothing, end on a plain sign-in page that brings the person back, and never be renewed by sliding expiration.
/// Each expired case has a control for the same person whose only difference is the time, so the tests prove it is
/// the expiry that is refused.
/// </summary>
public sealed class SessionExpiryTests(InProcessDashboard dashboard) : IClassFixture<InProcessDashboard>
{
    private static readonly string SignedIn = $"Signed in as {InProcessDashboard.Supervisor.Name}";

    private TimeSpan Lifetime => dashboard.CookieOptions.ExpireTimeSpan;

    [Theory]
    [InlineData("/", "/signin?ReturnUrl=%2F")]
    [InlineData("/queue", "/signin?ReturnUrl=%2Fqueue")]
    public async Task An_expired_session_is_sent_to_sign_in_with_its_return_address_and_sees_nothing(string page, string signIn)
    {
        var now = dashboard.Now;
        var expired = dashboard.SessionCookie(InProcessDashboard.Supervisor, now - Lifetime - TimeSpan.FromHours(1), now - TimeSpan.FromHours(1));
        using var http = dashboard.PlainClient();

        using var response = await GetAsync(http, page, expired);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(signIn, new Uri(http.BaseAddress!, response.Headers.Location!).PathAndQuery);
        Assert.Empty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Null(RenewedSession(response));

        // Where it is sent is a plain sign-in page, still showing nobody as signed in.
        using var signInPage = await GetAsync(http, signIn, expired);
        var html = await signInPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Contains("Sign in to Quality", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SignedIn, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/queue")]
    public async Task The_same_person_with_an_unexpired_session_gets_the_page(string page)
    {
        var now = dashboard.Now;
        var live = dashboard.SessionCookie(InProcessDashboard.Supervisor, now - TimeSpan.FromMinutes(1), now - TimeSpan.FromMinutes(1) + Lifetime);
        using var http = dashboard.PlainClient();

        using var response = await GetAsync(http, page, live);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignedIn, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sliding_expiration_renews_a_live_session_past_half_its_life_for_a_full_lifetime()
    {
        // Past half its life is when sliding expiration renews; an expired ticket is further past it still, so the
        // expired test's "not renewed" is only meaningful because this renewal does happen.
        var now = dashboard.Now;
        var expires = now + (Lifetime / 4);
        var ageing = dashboard.SessionCookie(InProcessDashboard.Supervisor, expires - Lifetime, expires);
        using var http = dashboard.PlainClient();

        using var response = await GetAsync(http, "/queue", ageing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = RenewedSession(response);
        Assert.NotNull(cookie);
        var renewed = dashboard.CookieOptions.TicketDataFormat.Unprotect(cookie);
        Assert.NotNull(renewed);
        Assert.Equal(InProcessDashboard.Supervisor.Name, renewed.Principal.Identity?.Name);
        // A whole lifetime from the request (the ticket keeps times to the second; a slow machine answers later).
        Assert.InRange(renewed.Properties.ExpiresUtc!.Value, now + Lifetime - TimeSpan.FromSeconds(1), now + Lifetime + TimeSpan.FromMinutes(5));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(HeaderNames.Cookie, cookie);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The new session ticket the response sets, if any; a deleted (emptied) session cookie is not one.</summary>
    private static string? RenewedSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList([.. values])
                .Where(c => c.Name == AuthenticationSetup.CookieName && c.Value.Length > 0)
                .Select(c => c.Value.Value)
                .SingleOrDefault()
            : null;
}
