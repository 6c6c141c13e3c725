namespace Quality.Notifications.Features.Deliveries;

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    /// <summary>Over its recipient's throttle: waits for the digest at the end of the window.</summary>
    public const string Held = "held";

    /// <summary>Sent as part of a digest (<see cref="Delivery.DigestId"/>), not on its own.</summary>
    public const string Digested = "digested";

    /// <summary>Its rule was deleted before it was sent: never sent, the reason is in the delivery log.</summary>
    public const string Cancelled = "cancelled";
}
