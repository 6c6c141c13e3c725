using Yarp.ReverseProxy.Forwarder;

namespace Quality.Gateway.Limits;

/// <summary>
/// Runs around each proxied request. YARP answers a request body it could not read with 400; when the read failed
/// because the body outgrew the route's limit, the caller is told that instead (413 naming the limit). Other
/// failures keep YARP's status (502 unreachable, 504 timed out), which the status-code pages turn into ProblemDetails.
/// </summary>
internal static class ProxyErrors
{
    public static async Task HandleAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.GetForwarderErrorFeature()?.Exception is { } error && IsTooLarge(error) && !context.Response.HasStarted
            && context.Items[BodyLimitMiddleware.LimitItem] is ValueTuple<long, string> limit)
        {
            throw BodyLimitMiddleware.TooLarge(limit);
        }
    }

    private static bool IsTooLarge(Exception? e) =>
        e is not null && (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsTooLarge(e.InnerException));
}
