using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// Checks each request with <see cref="GrpcRequestGuard"/>, then maps the same exceptions the HTTP handler knows to
/// gRPC status codes with a readable message; field violations travel as <c>field-violation</c> trailers (one per
/// field) so clients can show them. Messages and trailers echo what the caller sent, so they are cut to a size a
/// client accepts in its headers and made ASCII, as headers must be.
/// </summary>
public sealed partial class GrpcExceptionInterceptor(ILogger<GrpcExceptionInterceptor> logger) : Interceptor
{
    /// <summary>Far below a client's 64 KiB header limit, and longer than any message a person reads.</summary>
    internal const int MaxMessageLength = 1_000;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            GrpcRequestGuard.Check(request);
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException && !IsCancellation(e, context))
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            GrpcRequestGuard.Check(request);
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException && !IsCancellation(e, context))
        {
            throw Translate(e, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        TranscodedProblemDetailsMiddleware.Remember(context.GetHttpContext(), exception);
        if (ToRpc(exception) is not { } known)
        {
            return Unexpected(exception, context);
        }

        if (known.StatusCode == StatusCode.Unavailable)
        {
            // Not a bug, but operators should see the database going away.
            LogUnavailable(logger, exception.GetBaseException().Message, context.Method);
        }

        return known;
    }

    private static bool IsCancellation(Exception exception, ServerCallContext context) =>
        exception is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested;

    /// <summary>
    /// A bug, not the caller's fault: logged with its stack, answered INTERNAL without internals, so the detailed
    /// errors the services enable reach callers only for what fails before a method runs (a request that is not protobuf).
    /// </summary>
    private RpcException Unexpected(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        LogUnexpected(logger, exception, context.Method, traceId);
        return new RpcException(new Status(StatusCode.Internal, $"An unexpected error occurred; it was logged with trace id {traceId}."));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} (trace id {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered UNAVAILABLE: the database could not be reached ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string reason, string method);

    internal static RpcException? ToRpc(Exception exception) => exception switch
    {
        RequestValidationException e => new RpcException(new Status(StatusCode.InvalidArgument, Shorten(e.Message)), FieldViolations(e)),
        NotFoundException e => new RpcException(new Status(StatusCode.NotFound, Shorten(e.Message))),
        ConflictException e => new RpcException(new Status(StatusCode.FailedPrecondition, Shorten(e.Message))),
        ForbiddenException e => new RpcException(new Status(StatusCode.PermissionDenied, Shorten(e.Message))),
        _ when UnavailableDependency.Caused(exception) => new RpcException(new Status(StatusCode.Unavailable, UnavailableDependency.Message)),
        _ => null,
    };

    private static Metadata FieldViolations(RequestValidationException e)
    {
        var trailers = new Metadata();
        foreach (var (field, errors) in e.Errors)
        {
            trailers.Add("field-violation", AsciiHeaderValue(Shorten($"{field}: {string.Join(" ", errors)}")));
        }

        return trailers;
    }

    private static string Shorten(string message) => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";

    /// <summary>
    /// Printable ASCII kept as it is (so the usual "field: reason" reads plainly); anything else percent-encoded as
    /// UTF-8, the way gRPC itself carries <c>grpc-message</c>.
    /// </summary>
    internal static string AsciiHeaderValue(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~' && c != '%'))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            text.Append(b is >= (byte)' ' and <= (byte)'~' and not (byte)'%' ? (char)b : $"%{b:X2}");
        }

        return text.ToString();
    }
}
