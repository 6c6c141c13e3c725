using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// The link endpoints are anonymous, so each client address gets <see cref="SurveyLinkOptions.PermitsPerMinute"/>
/// requests a minute across them (a customer needs two: the page and the answer). IPv6 clients are counted by
/// their /64, which one household or phone usually holds whole. Behind a reverse proxy, configure forwarded
/// headers so the address is the customer's and not the proxy's.
/// </summary>
public static class SurveyLinkRateLimit
{
    public const string Policy = "survey-links";

    public static IServiceCollection AddSurveyLinkRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<SurveyLinkOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });

    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "60";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                detail: "Too many survey link requests from this address; try again in a minute.").ExecuteAsync(context);
            return;
        }

        var text = SurveyPageText.For(context.Request.Query["lang"], context.Request);
        await new HtmlPage(SurveyPages.Problem(text, text.TooManyRequests), StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
