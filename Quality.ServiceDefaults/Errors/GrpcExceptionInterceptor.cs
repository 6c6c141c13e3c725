using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// Maps the same exceptions the HTTP handler knows to gRPC status codes with a readable message; field
/// violations travel as <c>field-violation</c> trailers (one per field) so clients can show them.
/// </summary>
public sealed class GrpcExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ToRpc(e) is { } rpc)
        {
            TranscodedProblemDetailsMiddleware.Remember(context.GetHttpContext(), e);
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (ToRpc(e) is { } rpc)
        {
            throw rpc;
        }
    }

    internal static RpcException? ToRpc(Exception exception) => exception switch
    {
        RequestValidationException e => new RpcException(new Status(StatusCode.InvalidArgument, e.Message), FieldViolations(e)),
        NotFoundException e => new RpcException(new Status(StatusCode.NotFound, e.Message)),
        ConflictException e => new RpcException(new Status(StatusCode.FailedPrecondition, e.Message)),
        ForbiddenException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        _ => null,
    };

    private static Metadata FieldViolations(RequestValidationException e)
    {
        var trailers = new Metadata();
        foreach (var (field, errors) in e.Errors)
        {
            trailers.Add("field-violation", $"{field}: {string.Join(" ", errors)}");
        }

        return trailers;
    }
}
