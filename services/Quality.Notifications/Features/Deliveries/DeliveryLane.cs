namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// How one channel's deliveries are paced: how many at once, how long one may take, how retries back off, and
/// (<see cref="PerEndpoint"/>, webhooks) how each receiving endpoint is isolated from the others.
/// </summary>
public sealed record DeliveryLane(
    int MaxConcurrency, TimeSpan Timeout, int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan PollInterval, EndpointLimits? PerEndpoint = null);
