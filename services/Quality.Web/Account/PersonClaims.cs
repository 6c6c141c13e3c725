using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Web.Account;

/// <summary>
/// The signed-in person as the session cookie holds them: the same claims (<c>sub</c>, <c>role</c>, <c>team</c>)
/// the services read from a token, so what the dashboard mints for them says exactly who they are.
/// </summary>
public static class PersonClaims
{
    public const string Language = "lang";

    /// <summary>local (Web:Users) or oidc: a local session ends when its user is removed or changed.</summary>
    public const string Provider = "idp";

    public const string LocalProvider = "local";
    public const string OidcProvider = "oidc";

    public static ClaimsPrincipal Create(string subject, string role, string? team, string? language, string provider, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(QualityClaims.Subject, subject),
            new(QualityClaims.Role, role),
            new(Provider, provider),
        };
        if (!string.IsNullOrWhiteSpace(team))
        {
            claims.Add(new Claim(QualityClaims.Team, team));
        }

        if (!string.IsNullOrWhiteSpace(language))
        {
            claims.Add(new Claim(Language, language));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, QualityClaims.Subject, QualityClaims.Role));
    }

    public static ClaimsPrincipal For(WebUser user, string authenticationType) =>
        Create(user.Name, user.Role, TeamOf(user), user.Language, LocalProvider, authenticationType);

    /// <summary>Whether a local session still matches its user as configured now (same role and team).</summary>
    public static bool StillMatches(ClaimsPrincipal principal, WebUser? user) =>
        user is not null
        && principal.FindFirstValue(QualityClaims.Role) == user.Role
        && principal.FindFirstValue(QualityClaims.Team) == TeamOf(user);

    // Managers and admins see every team; a team on them would only confuse the services' scope checks.
    private static string? TeamOf(WebUser user) =>
        user.Role is Roles.Agent or Roles.Supervisor && !string.IsNullOrWhiteSpace(user.Team) ? user.Team : null;
}
