using System.ComponentModel.DataAnnotations;
using Quality.ServiceDefaults.Authentication;
using Quality.Web.Localization;

namespace Quality.Web.Account;

/// <summary>The dashboard's configuration (<c>Web</c>): who signs in and how.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    public List<WebUser> Users { get; set; } = [];

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>How long a session lasts without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins allowed per user name, and per client address, within <see cref="SignInWindow"/>.</summary>
    [Range(1, 1000)]
    public int SignInFailuresPerName { get; set; } = 5;

    [Range(1, 10000)]
    public int SignInFailuresPerClient { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Users.Count == 0 && !Oidc.Enabled)
        {
            yield return new ValidationResult("nobody could sign in: declare Web:Users or configure Web:Oidc:Authority", [nameof(Users)]);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Users.Count; i++)
        {
            foreach (var failure in ValidateUser(Users[i], $"{nameof(Users)}:{i}", names))
            {
                yield return failure;
            }
        }

        foreach (var failure in ValidateOidc())
        {
            yield return failure;
        }
    }

    private static IEnumerable<ValidationResult> ValidateUser(WebUser user, string key, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Trim() != user.Name || user.Name.Length > 100)
        {
            yield return new ValidationResult("is required: 1-100 characters without surrounding spaces", [$"{key}:{nameof(WebUser.Name)}"]);
        }
        else if (!names.Add(user.Name))
        {
            yield return new ValidationResult($"'{user.Name}' is declared twice (names are case-insensitive)", [$"{key}:{nameof(WebUser.Name)}"]);
        }

        if (!PasswordHashes.IsWellFormed(user.PasswordHash))
        {
            yield return new ValidationResult("must be an ASP.NET Core Identity password hash (PasswordHasher, base64)", [$"{key}:{nameof(WebUser.PasswordHash)}"]);
        }

        if (!Roles.All.Contains(user.Role))
        {
            yield return new ValidationResult($"must be one of {string.Join(", ", Roles.All)}", [$"{key}:{nameof(WebUser.Role)}"]);
        }
        else if (user.Role is Roles.Agent or Roles.Supervisor && string.IsNullOrWhiteSpace(user.Team))
        {
            yield return new ValidationResult($"is required for the role {user.Role}", [$"{key}:{nameof(WebUser.Team)}"]);
        }

        if (!string.IsNullOrEmpty(user.Language) && !Languages.IsSupported(user.Language))
        {
            yield return new ValidationResult($"must be one of {string.Join(", ", Languages.All)}", [$"{key}:{nameof(WebUser.Language)}"]);
        }
    }

    private IEnumerable<ValidationResult> ValidateOidc()
    {
        if (!Oidc.Enabled)
        {
            yield break;
        }

        const string key = nameof(Oidc);
        if (!Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && (Oidc.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult(
                "must be an absolute https URL (http only with Web:Oidc:RequireHttpsMetadata=false)", [$"{key}:{nameof(OidcOptions.Authority)}"]);
        }

        if (string.IsNullOrWhiteSpace(Oidc.ClientId))
        {
            yield return new ValidationResult("is required when Web:Oidc:Authority is set", [$"{key}:{nameof(OidcOptions.ClientId)}"]);
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(OidcOptions.SubjectClaim), Oidc.SubjectClaim), (nameof(OidcOptions.RoleClaim), Oidc.RoleClaim),
                     (nameof(OidcOptions.TeamClaim), Oidc.TeamClaim), (nameof(OidcOptions.LanguageClaim), Oidc.LanguageClaim),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult("names a claim and may not be empty", [$"{key}:{name}"]);
            }
        }
    }
}
