using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Quality.Gateway.Limits;

/// <summary>
/// Gives each route its body limit (<see cref="BodyLimitOptions"/>) through Kestrel's per-request
/// <see cref="IHttpMaxRequestBodySizeFeature"/>: a declared Content-Length over it is refused before a byte is
/// proxied, and a chunked body that grows past it fails while YARP streams it, which is answered with the same 413.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptionsMonitor<BodyLimitOptions> options)
{
    public const string LimitItem = "Quality.Gateway.BodyLimit";

    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.For(context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit.Bytes;
        }

        if (context.Request.ContentLength > limit.Bytes)
        {
            throw TooLarge(limit);
        }

        context.Items[LimitItem] = limit;
        return next(context);
    }

    /// <summary>The 413 for a body over the route's limit, found before or while it was proxied.</summary>
    public static BadHttpRequestException TooLarge((long Bytes, string Key) limit) => new(
        $"The request body is larger than the {limit.Bytes:N0} bytes accepted here ({limit.Key}).",
        StatusCodes.Status413PayloadTooLarge);
}
