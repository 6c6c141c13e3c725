using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Intake.Features.ApiKeys;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.Authentication;

/// <summary>
/// Authenticates a channel by its <c>X-Api-Key</c> header. The key is looked up on every request, so a
/// revocation takes effect at once on every replica. No header means "not mine" (a person's JWT may
/// follow); a bad or revoked key fails with a ProblemDetails that says which.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IntakeDbContext db,
    TimeProvider time,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Last-used time is coarse on purpose: a write per request would cost more than the answer.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString().Trim();
        if (!ApiKeySecret.TryGetPrefix(presented, out var prefix))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(presented, key.Hash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key has been revoked.");
        }

        await TouchAsync(key);
        var identity = new ClaimsIdentity(
            [
                new Claim(QualityClaims.Subject, $"api-key:{key.Id}"),
                new Claim(ApiKeyDefaults.ChannelClaim, key.Channel),
                new Claim(ApiKeyDefaults.KeyIdClaim, key.Id.ToString()),
            ],
            ApiKeyDefaults.Scheme, QualityClaims.Subject, QualityClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    private async Task TouchAsync(ApiKey key)
    {
        var now = time.GetUtcNow();
        if (key.LastUsedAt is { } lastUsed && now - lastUsed < LastUsedResolution)
        {
            return;
        }

        var stale = now - LastUsedResolution;
        await db.ApiKeys
            .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"");
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized.",
            result.Failure?.Message ?? $"Send a person's bearer token or this channel's API key in the {ApiKeyDefaults.HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var channel = Context.User.FindFirstValue(ApiKeyDefaults.ChannelClaim);
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden.",
            channel is null ? "Not allowed." : $"This API key is for the '{channel}' channel and cannot submit to another.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        if (Response.HasStarted)
        {
            return;
        }

        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
