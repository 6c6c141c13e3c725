using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quality.ServiceDefaults.Authentication;

namespace Quality.ServiceDefaults;

public static class GrpcClientExtensions
{
    /// <summary>Deadline given to a call that did not set its own.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A gRPC client for another Quality service, found by service discovery on its <c>grpc</c> endpoint
    /// (<c>services:{serviceName}:grpc:0</c>). Only the methods named in <paramref name="idempotentMethods"/>
    /// are retried, and only when the server was unavailable; every call gets a deadline.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(
        this IServiceCollection services, string serviceName, string grpcServiceName, params string[] idempotentMethods)
        where TClient : class
    {
        return services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{serviceName}"))
            .ConfigureChannel(channel =>
            {
                if (idempotentMethods.Length == 0)
                {
                    return;
                }

                var retry = new MethodConfig
                {
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 3,
                        InitialBackoff = TimeSpan.FromMilliseconds(100),
                        MaxBackoff = TimeSpan.FromSeconds(1),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                };
                foreach (var method in idempotentMethods)
                {
                    retry.Names.Add(new MethodName { Service = grpcServiceName, Method = method });
                }

                channel.ServiceConfig = new ServiceConfig { MethodConfigs = { retry } };
            })
            .AddInterceptor(() => new DefaultDeadlineInterceptor(DefaultDeadline));
    }

    /// <summary>
    /// Every call carries <paramref name="callerName"/>'s service token (<see cref="ServiceTokenSource"/>), for
    /// endpoints that admit services only (<see cref="Policies.Service"/>). Internal calls travel as cleartext
    /// HTTP/2 on the machine's private network, hence call credentials without TLS.
    /// </summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder builder, string callerName)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ServiceTokenSource>();
        return builder
            .AddCallCredentials((_, metadata, services) =>
            {
                metadata.Add("Authorization", $"Bearer {services.GetRequiredService<ServiceTokenSource>().For(callerName)}");
                return Task.CompletedTask;
            })
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
    }
}
