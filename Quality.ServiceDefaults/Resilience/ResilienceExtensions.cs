using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Quality.ServiceDefaults;

public static class ResilienceExtensions
{
    /// <summary>
    /// Short attempts inside a total deadline, a circuit breaker, and retries only for methods that are
    /// safe to repeat. gRPC calls are POSTs, so they are never retried here; gRPC clients opt in per
    /// idempotent method (see <see cref="GrpcClientExtensions"/>).
    /// </summary>
    public static IHttpClientBuilder AddQualityResilience(this IHttpClientBuilder http)
    {
        http.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            options.Retry.MaxRetryAttempts = 3;
            options.Retry.DisableForUnsafeHttpMethods();
        });
        return http;
    }
}
