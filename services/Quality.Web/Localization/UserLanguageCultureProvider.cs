using Microsoft.AspNetCore.Localization;
using Quality.Web.Account;

namespace Quality.Web.Localization;

/// <summary>The signed-in person's configured language, when they have not chosen one in the UI (the culture cookie).</summary>
internal sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(PersonClaims.Language)?.Value;
        return Task.FromResult(Languages.IsSupported(language) ? new ProviderCultureResult(language) : null);
    }
}
