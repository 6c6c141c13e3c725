using Microsoft.AspNetCore.Authorization;

namespace Quality.Gateway.Protection;

/// <summary>
/// The gateway's own check: a service API call must carry credentials at all. Whether they are valid, and what
/// they allow, is the service's decision (JWT validation, API-key lookup, roles and teams), so nothing is weakened
/// and nothing is decided twice; an anonymous caller just never reaches a service that would refuse it anyway.
/// </summary>
internal static class EdgeAuthorization
{
    public const string CredentialsPolicy = "credentials";

    public static void AddEdgeAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(CredentialsPolicy, policy =>
            policy.RequireAssertion(context => context.Resource is HttpContext http && Credentials.Present(http.Request)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, CredentialsChallengeHandler>();
    }
}
