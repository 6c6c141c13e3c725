using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// One Polly pipeline per endpoint (scheme, host, port): a circuit breaker around a per-attempt timeout.
/// A receiver that keeps failing trips only its own circuit; its deliveries are then held back without
/// spending sockets, time or attempts, while every other endpoint keeps flowing. Retries are not here:
/// they live in the deliveries table (next_attempt_at), so they survive a restart.
/// </summary>
public sealed class EndpointCircuitBreakers(IOptions<WebhookOptions> options)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(Uri url) =>
        _pipelines.GetOrAdd(url.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), _ => Build(options.Value));

    private static ResiliencePipeline<HttpResponseMessage> Build(WebhookOptions o) => new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.BreakerSamplingDuration,
            BreakDuration = o.BreakerBreakDuration,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(r => IsFailure(r)),
        })
        .AddTimeout(o.Timeout)
        .Build();

    /// <summary>A server error, throttling or timeout is the receiver's trouble; other 4xx are answers about the request.</summary>
    public static bool IsFailure(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || (int)response.StatusCode is 408 or 429;
}
