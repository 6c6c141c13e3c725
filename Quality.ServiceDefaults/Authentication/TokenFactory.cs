using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Quality.ServiceDefaults.Authentication;

/// <summary>
/// Issues and describes the validation of people's tokens. Production deployments put an identity
/// provider in front; the single-machine setup and the tests sign their own with the shared key.
/// </summary>
public static class TokenFactory
{
    public static string Create(AuthOptions options, string subject, string role, string? team = null, TimeSpan? lifetime = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Known roles: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        var claims = new List<Claim> { new(QualityClaims.Subject, subject), new(QualityClaims.Role, role) };
        if (team is not null)
        {
            claims.Add(new Claim(QualityClaims.Team, team));
        }

        return Sign(options, claims, DateTime.UtcNow, lifetime ?? TimeSpan.FromHours(8));
    }

    /// <summary>
    /// A token naming a Quality service (subject <c>service:{serviceName}</c>, role <see cref="Roles.Service"/>)
    /// for its calls to another service. Every service holds the signing key, so this adds no trust that was not
    /// there; it lets an endpoint refuse people outright.
    /// </summary>
    public static string CreateForService(AuthOptions options, string serviceName, DateTimeOffset issuedAt, TimeSpan lifetime) =>
        Sign(options, [new(QualityClaims.Subject, $"service:{serviceName}"), new(QualityClaims.Role, Roles.Service)], issuedAt.UtcDateTime, lifetime);

    private static string Sign(AuthOptions options, List<Claim> claims, DateTime now, TimeSpan lifetime)
    {
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenValidationParameters ValidationParameters(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes()),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RoleClaimType = QualityClaims.Role,
        NameClaimType = QualityClaims.Subject,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
