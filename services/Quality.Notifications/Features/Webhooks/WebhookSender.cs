using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// POSTs a delivery's fixed JSON body, signed, under a per-attempt Polly timeout. Retries live in the deliveries
/// table (next_attempt_at), so they survive a restart; per-endpoint in-flight caps and the circuit breaker live in
/// the worker's claim (<see cref="EndpointLimits"/>), so they hold across replicas and a troubled endpoint's
/// deliveries never take a slot only to wait.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider time) : IDeliverySender
{
    public const string HttpClientName = "webhooks";

    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.Value.Timeout).Build();

    public string Channel => RuleChannels.Webhook;

    public DeliveryLane Lane { get; } = new(
        options.Value.MaxConcurrency, options.Value.Timeout, options.Value.MaxAttempts, options.Value.BaseDelay, options.Value.MaxDelay, options.Value.PollInterval,
        new EndpointLimits(options.Value.MaxInFlightPerEndpoint, options.Value.BreakerFailureThreshold, options.Value.BreakerBreakDuration));

    public async Task<SendResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var url = new Uri(delivery.Url ?? throw new InvalidOperationException($"Webhook delivery {delivery.Id} has no URL."));
        try
        {
            using var response = await _timeout.ExecuteAsync(async ct => await PostAsync(delivery, url, ct), cancellationToken);
            var status = (int)response.StatusCode;
            return new SendResult(status, response.IsSuccessStatusCode ? null : $"HTTP {status}", EndpointFault: IsFailure(response));
        }
        catch (TimeoutRejectedException)
        {
            return new SendResult(null, $"timed out after {options.Value.Timeout.TotalMilliseconds:0} ms", EndpointFault: true);
        }
        catch (HttpRequestException e)
        {
            return new SendResult(null, e.Message, EndpointFault: true);
        }
    }

    /// <summary>A server error, throttling or timeout is the receiver's trouble; other 4xx are answers about the request.</summary>
    public static bool IsFailure(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || (int)response.StatusCode is 408 or 429;

    private async Task<HttpResponseMessage> PostAsync(ClaimedDelivery delivery, Uri url, CancellationToken cancellationToken)
    {
        var id = delivery.Id.ToString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigner.IdHeader, id);
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(delivery.Secret, id, timestamp, delivery.Payload));
        var client = httpClients.CreateClient(HttpClientName);
        // Headers only: the receiver's body (garbage or not) is never read.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
