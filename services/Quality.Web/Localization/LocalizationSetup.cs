using Microsoft.AspNetCore.Localization;
using Quality.Web.Account;

namespace Quality.Web.Localization;

internal static class LocalizationSetup
{
    public static void AddWebLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Languages.English);
            o.SupportedCultures = Languages.Cultures();
            o.SupportedUICultures = Languages.Cultures();
            // A choice made in the UI (the cookie) wins, then the person's configured language, then the browser's.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new UserLanguageCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>Remembers a language choice in the culture cookie (a year), as the cookie provider reads it.</summary>
    public static void RememberLanguage(this HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    public static void MapLanguageEndpoint(this IEndpointRouteBuilder app) =>
        // A form post (anti-forgery checked by binding the form); answers with the page the switch was on.
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? language, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Languages.IsSupported(language))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["language"] = [$"must be one of {string.Join(", ", Languages.All)}"],
                });
            }

            context.Response.RememberLanguage(language!.ToLowerInvariant());
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).AllowAnonymous();
}
