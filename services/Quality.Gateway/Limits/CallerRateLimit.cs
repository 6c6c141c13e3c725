using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Quality.Gateway.Protection;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Gateway.Limits;

/// <summary>
/// One fixed window per caller (<see cref="RateLimitOptions"/>), so a noisy channel or person slows down alone.
/// API keys are partitioned by their hash (the key itself is not kept in memory as a dictionary key); a bearer
/// token counts as its subject only when it is valid (the ServiceDefaults JWT setup), since an unchecked one could
/// name a fresh subject on every call; anything else counts by client address.
/// </summary>
internal static class CallerRateLimit
{
    public const string Policy = "per-caller";

    public static void AddCallerRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = options.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
    }

    internal static string PartitionKey(HttpContext context)
    {
        if (context.Request.Headers[Credentials.ApiKeyHeader].ToString() is { Length: > 0 } key)
        {
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(QualityClaims.Subject)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + subject;
        }

        return "ip:" + context.Connection.RemoteIpAddress;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        if (retryAfter is { } delay)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = retryAfter is { } after
                    ? $"This caller has used its requests for now ({RateLimitOptions.SectionName}); try again in {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} s."
                    : $"This caller has used its requests for now ({RateLimitOptions.SectionName}); try again later.",
            },
        });
    }
}
