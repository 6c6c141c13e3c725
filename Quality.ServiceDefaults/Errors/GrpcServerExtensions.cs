using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Quality.ServiceDefaults.Errors;

public static class GrpcServerExtensions
{
    /// <summary>
    /// gRPC with JSON transcoding as every Quality service serves it: each request checked and each exception mapped by
    /// <see cref="GrpcExceptionInterceptor"/>. Detailed errors are on because that interceptor answers every exception a
    /// method throws itself; what still reaches gRPC's own handler is a request that is not valid protobuf, and the
    /// parser's reason is what its sender needs to read.
    /// </summary>
    public static IGrpcServerBuilder AddQualityGrpc(this IServiceCollection services) =>
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<GrpcExceptionInterceptor>();
            o.EnableDetailedErrors = true;
        }).AddJsonTranscoding();
}
