using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Options;

namespace Quality.Web.Account;

/// <summary>
/// People sign in to a cookie session: locally (<c>Web:Users</c>) on the sign-in page, or through OpenID
/// Connect when <c>Web:Oidc:Authority</c> is set. The services' JWT bearer scheme stays registered but is not
/// the dashboard's default.
/// </summary>
internal static class AuthenticationSetup
{
    public const string SignInPath = "/signin";
    public const string CookieName = "quality.session";

    public static void AddWebAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WebOptions>(WebOptions.SectionName);
        builder.Services.AddSingleton<LocalUsers>();
        builder.Services.AddSingleton<SignInThrottle>();

        var oidc = builder.Configuration.GetSection(WebOptions.SectionName).GetSection(nameof(WebOptions.Oidc)).Get<OidcOptions>() ?? new OidcOptions();
        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebOptions>>((cookie, web) => ConfigureCookie(cookie, web.Value));

        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(o => ConfigureOidc(o, oidc));
        }
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, WebOptions web)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = SignInPath;
        cookie.AccessDeniedPath = SignInPath;
        cookie.ExpireTimeSpan = web.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnValidatePrincipal = context =>
        {
            // A local user removed from the configuration, or given another role or team, is signed out at once.
            var principal = context.Principal!;
            if (principal.FindFirstValue(PersonClaims.Provider) == PersonClaims.LocalProvider
                && !PersonClaims.StillMatches(principal, context.HttpContext.RequestServices.GetRequiredService<LocalUsers>().Find(principal.Identity?.Name)))
            {
                context.RejectPrincipal();
                return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }

            return Task.CompletedTask;
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.SaveTokens = false;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        foreach (var scope in oidc.Scopes)
        {
            o.Scope.Add(scope);
        }

        o.Events.OnTokenValidated = context =>
        {
            var external = context.Principal!;
            var subject = external.FindFirstValue(oidc.SubjectClaim);
            var role = external.FindAll(oidc.RoleClaim).Select(c => c.Value).FirstOrDefault(Roles.All.Contains);
            var team = external.FindFirstValue(oidc.TeamClaim);
            if (string.IsNullOrEmpty(subject) || role is null || (role is Roles.Agent or Roles.Supervisor && string.IsNullOrEmpty(team)))
            {
                // Signed in at the provider, but not a Quality user: no session, and a page that says so.
                context.Fail("the identity provider's token carries no Quality role (or no team for an agent or supervisor)");
                return Task.CompletedTask;
            }

            context.Principal = PersonClaims.Create(
                subject, role, team, external.FindFirstValue(oidc.LanguageClaim), PersonClaims.OidcProvider, CookieAuthenticationDefaults.AuthenticationScheme);
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect($"{SignInPath}?error=external");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
