using Microsoft.AspNetCore.Http.Features;

namespace Quality.Intake.Features.Limits;

/// <summary>
/// Gives each endpoint its own body limit: Kestrel's per-request <see cref="IHttpMaxRequestBodySizeFeature"/>
/// is set before anything reads the body, a declared Content-Length over it is refused before a byte is
/// read, and a body that grows past it while being read (chunked) fails the read. Both answer 413 naming the
/// limit and its configuration key, however the endpoint met Kestrel's refusal (an exception, one wrapped in
/// another, or a bare status code from minimal API binding).
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, RequestLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>();
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        (long Bytes, string Key)? limit = declared is null ? null : limits.For(declared.Limit);
        if (limit is { } own)
        {
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = own.Bytes;
            }

            if (context.Request.ContentLength > own.Bytes)
            {
                throw TooLarge(own.Bytes, own.Key);
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (IsTooLarge(e) && !context.Response.HasStarted)
        {
            throw TooLarge(limit, feature);
        }

        // Minimal APIs answer a JSON body cut off by the limit with a bare 413 and no body.
        if (context.Response is { StatusCode: StatusCodes.Status413PayloadTooLarge, HasStarted: false })
        {
            throw TooLarge(limit, feature);
        }
    }

    private static BadHttpRequestException TooLarge((long Bytes, string Key)? limit, IHttpMaxRequestBodySizeFeature? feature) =>
        limit is { } own ? TooLarge(own.Bytes, own.Key) : TooLarge(feature?.MaxRequestBodySize, "Kestrel:Limits:MaxRequestBodySize");

    private static BadHttpRequestException TooLarge(long? bytes, string key) => new(
        bytes is { } max
            ? $"The request body is larger than the {max:N0} bytes this endpoint accepts ({key})."
            : $"The request body is larger than this endpoint accepts ({key}).",
        StatusCodes.Status413PayloadTooLarge);

    private static bool IsTooLarge(Exception? e) =>
        e is not null && (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsTooLarge(e.InnerException));
}
