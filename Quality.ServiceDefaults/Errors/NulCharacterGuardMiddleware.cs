using Microsoft.AspNetCore.Http;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// Refuses a request whose path or query holds a NUL character (<c>%00</c>) with a 400 naming where: no endpoint
/// wants one, and PostgreSQL text cannot hold one, so without this a filter value carrying it became a 500.
/// JSON bodies get the same refusal from <see cref="NulRejectingStringConverter"/>, gRPC requests from <see cref="GrpcRequestGuard"/>.
/// </summary>
internal sealed class NulCharacterGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new RequestValidationException("path", "contains a NUL character");
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                throw new RequestValidationException(name.Replace("\0", "", StringComparison.Ordinal), "contains a NUL character");
            }
        }

        return next(context);
    }
}
