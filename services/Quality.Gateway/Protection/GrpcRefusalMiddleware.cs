namespace Quality.Gateway.Protection;

/// <summary>
/// gRPC (and gRPC-Web) is how the services talk to each other and is never public: such a request is refused
/// before it is routed, whatever its path, with a ProblemDetails that says where the public API is.
/// </summary>
internal sealed class GrpcRefusalMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new BadHttpRequestException(
                "gRPC is internal to the Quality services and is not served here; use the HTTP/JSON API under /api.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        return next(context);
    }
}
