namespace Quality.Notifications.Features.Deliveries;

/// <summary>One channel's way of sending a claimed delivery. The worker runs one lane per sender.</summary>
public interface IDeliverySender
{
    /// <summary>The <see cref="Delivery.Channel"/> value this sender handles.</summary>
    string Channel { get; }

    DeliveryLane Lane { get; }

    /// <summary>Sends once. Failures the channel understands are returned; anything thrown counts as a retryable failure.</summary>
    Task<SendResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken);
}
