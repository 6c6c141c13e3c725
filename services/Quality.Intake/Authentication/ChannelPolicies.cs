using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.Authentication;

/// <summary>
/// Who may submit to a channel: any signed-in person (JWT), or an API key issued for that same channel. A
/// key for "survey" is authenticated on "email" but refused there (403).
/// </summary>
public static class ChannelPolicies
{
    public static string For(string channel) => $"channel:{channel}";

    public static AuthorizationBuilder AddChannelPolicies(this AuthorizationBuilder authorization, IEnumerable<string> channels)
    {
        foreach (var channel in channels)
        {
            authorization.AddPolicy(For(channel), policy => policy
                // The API key scheme is listed last: its challenge writes the response body, after the JWT
                // scheme has added its WWW-Authenticate header.
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.HasClaim(c => c.Type == QualityClaims.Role)
                    || context.User.HasClaim(ApiKeyDefaults.ChannelClaim, channel)));
        }

        return authorization;
    }
}
