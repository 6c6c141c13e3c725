using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>POSTs a delivery's fixed JSON body, signed, through its endpoint's circuit breaker and timeout.</summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, EndpointCircuitBreakers breakers, IOptions<WebhookOptions> options, TimeProvider time) : IDeliverySender
{
    public const string HttpClientName = "webhooks";

    public string Channel => RuleChannels.Webhook;

    public DeliveryLane Lane { get; } = new(
        options.Value.MaxConcurrency, options.Value.Timeout, options.Value.MaxAttempts, options.Value.BaseDelay, options.Value.MaxDelay, options.Value.PollInterval);

    public async Task<SendResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var url = new Uri(delivery.Url ?? throw new InvalidOperationException($"Webhook delivery {delivery.Id} has no URL."));
        try
        {
            using var response = await breakers.For(url).ExecuteAsync(async ct => await PostAsync(delivery, url, ct), cancellationToken);
            var status = (int)response.StatusCode;
            return new SendResult(status, response.IsSuccessStatusCode ? null : $"HTTP {status}");
        }
        catch (BrokenCircuitException)
        {
            // Not an attempt: the endpoint's circuit is open. Hold the delivery back until it may close.
            return SendResult.Deferred(options.Value.BreakerBreakDuration);
        }
        catch (TimeoutRejectedException)
        {
            return new SendResult(null, $"timed out after {options.Value.Timeout.TotalMilliseconds:0} ms");
        }
    }

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
