namespace Quality.Web.Account;

/// <summary>
/// Sign-in through an OpenID Connect provider for real deployments (<c>Web:Oidc</c>); off while
/// <see cref="Authority"/> is empty. The provider's token must carry a Quality role and, for agents and
/// supervisors, a team, in the claims named here.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The name on the sign-in button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Off only for a development provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Extra scopes besides openid and profile.</summary>
    public List<string> Scopes { get; set; } = [];

    public string SubjectClaim { get; set; } = "sub";

    public string RoleClaim { get; set; } = "role";

    public string TeamClaim { get; set; } = "team";

    public string LanguageClaim { get; set; } = "locale";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
