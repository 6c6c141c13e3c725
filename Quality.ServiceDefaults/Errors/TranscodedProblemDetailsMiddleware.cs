using System.Text.Json;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// People calling a gRPC method through its HTTP route get the same ProblemDetails as from every other
/// endpoint, with the same status and per-field errors, instead of the transcoder's <c>google.rpc.Status</c>
/// JSON (which drops the field violations). Unary answers are buffered (they are small); a stream is buffered only
/// when it starts with an error, and otherwise passes straight through.
/// </summary>
internal sealed class TranscodedProblemDetailsMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    private static readonly object ExceptionKey = new();

    /// <summary>Keeps the exception a transcoded call failed with, for the answer to be made from it.</summary>
    internal static void Remember(HttpContext? context, Exception exception)
    {
        if (context?.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null)
        {
            context.Items[ExceptionKey] = exception;
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var transcoded = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (transcoded is null)
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        // A unary answer is small and buffered whole; a stream is held only if its first write is an error.
        using var held = new ErrorHoldingStream(body, context.Response, holdEverything: !transcoded.MethodDescriptor.IsServerStreaming);
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (held.Held is not { } buffer)
        {
            return;
        }

        if (context.Response.StatusCode < StatusCodes.Status400BadRequest)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
            return;
        }

        var exception = context.Items[ExceptionKey] as Exception;
        var problem = (exception is null ? null : ProblemDetailsExceptionHandler.ProblemFor(exception))
            ?? FromStatus(context.Response.StatusCode, buffer);
        context.Response.StatusCode = problem.Status!.Value;
        context.Response.ContentLength = null;
        context.Response.ContentType = null;
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>An error the transcoder made itself (a body it could not read, a value of the wrong type).</summary>
    private static ProblemDetails FromStatus(int status, MemoryStream buffer)
    {
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var text))
            {
                message = text.GetString();
            }
        }
        catch (JsonException)
        {
            // Not the transcoder's status JSON: the status code alone still says what happened.
        }

        return new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request is invalid." : ReasonPhrases.GetReasonPhrase(status),
            Detail = string.IsNullOrEmpty(message) ? null : message,
        };
    }
}
