using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Quality.Web.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding the form makes the endpoint check the anti-forgery token: another site cannot sign people out.
        app.MapPost("/account/signout", async (HttpContext context, IFormCollection form) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(AuthenticationSetup.SignInPath);
        }).AllowAnonymous();

        app.MapGet("/account/signin/oidc", (string? returnUrl, IOptions<WebOptions> web) =>
            web.Value.Oidc.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.NotFound()).AllowAnonymous();
    }
}
