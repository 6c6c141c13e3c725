using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Web.Account;

/// <summary>
/// Calls to the services carry the signed-in person's own identity: a short-lived token minted for them with the
/// system's signing key, so each service applies its own role and team checks. Never a service identity.
/// </summary>
public sealed class PersonTokens(IOptions<AuthOptions> auth)
{
    /// <summary>Long enough for one call or to open one stream (a stream is checked when it opens).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public string Mint(ClaimsPrincipal person)
    {
        if (person.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("nobody is signed in: the services are not called on behalf of nobody");
        }

        var subject = person.FindFirstValue(QualityClaims.Subject);
        var role = person.FindFirstValue(QualityClaims.Role);
        if (string.IsNullOrEmpty(subject) || role is null || !Roles.All.Contains(role))
        {
            throw new InvalidOperationException("the session names no person with a Quality role");
        }

        return TokenFactory.Create(auth.Value, subject, role, person.FindFirstValue(QualityClaims.Team), Lifetime);
    }

    public Metadata Headers(ClaimsPrincipal person) => new() { { "Authorization", $"Bearer {Mint(person)}" } };
}
