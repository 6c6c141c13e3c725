namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// What a run needs to measure breach → webhook: the webhook endpoint, and the policy and rule that send to it. Disposing
/// it removes the policy and rule and stops the endpoint.
/// </summary>
public sealed class BreachMeasurement : IAsyncDisposable
{
    private readonly BreachWebhookReceiver _receiver;
    private readonly BreachSetup _setup;

    private BreachMeasurement(BreachWebhookReceiver receiver, BreachSetup setup, BreachProbes probes)
    {
        _receiver = receiver;
        _setup = setup;
        Probes = probes;
    }

    public BreachProbes Probes { get; }

    /// <summary>Webhook requests refused for a bad signature or an unreadable body: each is a fault of the sender.</summary>
    public int BadRequests => _receiver.BadSignatures + _receiver.Unreadable;

    public static async Task<BreachMeasurement> StartAsync(
        Uri routingUrl, Uri notificationsUrl, string token, string runId, double share, TimeSpan firstResponse, TimeProvider time, CancellationToken ct)
    {
        var tracker = new BreachTracker(time);
        var receiver = await BreachWebhookReceiver.StartAsync(tracker, ct).ConfigureAwait(false);
        try
        {
            var setup = await BreachSetup.CreateAsync(routingUrl, notificationsUrl, token, $"lg-{runId}", firstResponse, receiver.Url, ct).ConfigureAwait(false);
            receiver.Secret = setup.WebhookSecret;
            return new BreachMeasurement(receiver, setup, new BreachProbes(setup.CustomerTier, share, tracker));
        }
        catch
        {
            await receiver.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _setup.DisposeAsync().ConfigureAwait(false);
        await _receiver.DisposeAsync().ConfigureAwait(false);
    }
}
