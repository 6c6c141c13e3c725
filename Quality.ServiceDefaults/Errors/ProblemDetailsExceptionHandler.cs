using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Quality.ServiceDefaults.Errors;

/// <summary>Turns the known exceptions into ProblemDetails; anything else stays a 500 without internals.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemFor(exception) is not { } problem)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Not a bug, but operators should see the database going away.
            LogUnavailable(exception.GetBaseException().Message, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The answer for an exception the services throw on purpose; null for anything else.</summary>
    internal static ProblemDetails? ProblemFor(Exception exception) =>
        exception switch
        {
            RequestValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(x => x.Key, x => x.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid.",
                Detail = e.Message,
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonBodyProblem(json),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request is invalid.", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = e.Message },
            _ when UnavailableDependency.Caused(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable.",
                Detail = UnavailableDependency.Message,
            },
            _ => null,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database could not be reached ({Reason})")]
    private partial void LogUnavailable(string reason, string method, string path);

    /// <summary>
    /// A body that is not JSON, or has a value of the wrong type, names the field (<c>score</c>,
    /// <c>items[3].text</c>) rather than answering a bare "Bad Request": callers are often programs whose
    /// authors need to know what to fix. The parser's message is not shown, as it names CLR types.
    /// </summary>
    private static ValidationProblemDetails JsonBodyProblem(JsonException json)
    {
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$').TrimStart('.');
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        var reason = json.Path is null or "$" ? $"is not valid JSON{where}" : $"has the wrong type or is not valid JSON{where}";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = $"{field}: {reason}",
        };
    }
}
