using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Authentication;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

/// <summary>
/// The dashboard alone, in process: no services, no browser. Enough for sessions, which are settled before a page
/// calls any service. One local user is declared the way an operator declares them, because a local session only
/// holds while its user is configured (the cookie's OnValidatePrincipal).
/// </summary>
public sealed class InProcessDashboard : WebApplicationFactory<Program>
{
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static readonly WebUser Supervisor = new()
    {
        Name = "expiry.supervisor", Role = Roles.Supervisor, Team = "team-a", Language = "en",
        PasswordHash = PasswordHashes.Hash(Guid.NewGuid().ToString()),
    };

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The app's own cookie options: its protector (keys) and its lifetime.</summary>
    public CookieAuthenticationOptions CookieOptions =>
        Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Scheme);

    /// <summary>
    /// A <c>Cookie</c> header holding the session a local sign-in writes for <paramref name="user"/>, protected with the
    /// app's own keys, so only its times differ from a real one.
    /// </summary>
    public string SessionCookie(WebUser user, DateTimeOffset issued, DateTimeOffset expires)
    {
        var ticket = new AuthenticationTicket(
            PersonClaims.For(user, Scheme), new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = expires }, Scheme);
        return $"{AuthenticationSetup.CookieName}={CookieOptions.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>Redirects and cookies stay visible to the test instead of being followed and stored.</summary>
    public HttpClient PlainClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed: and no user secrets from the developer's machine (the project has a UserSecretsId).
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Web:Users:0:Name"] = Supervisor.Name,
            ["Web:Users:0:PasswordHash"] = Supervisor.PasswordHash,
            ["Web:Users:0:Role"] = Supervisor.Role,
            ["Web:Users:0:Team"] = Supervisor.Team,
            ["Web:Users:0:Language"] = Supervisor.Language,
        }));
    }
}
