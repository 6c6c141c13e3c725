using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Quality.Gateway.Protection;

/// <summary>Answers a call without credentials with a 401 ProblemDetails that names both ways to authenticate.</summary>
internal sealed class CredentialsChallengeHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Challenged)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, $"ApiKey header=\"{Credentials.ApiKeyHeader}\"");
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required.",
                Detail = $"Send a person's bearer token in the Authorization header or a channel's API key in the {Credentials.ApiKeyHeader} header.",
            },
        });
    }
}
