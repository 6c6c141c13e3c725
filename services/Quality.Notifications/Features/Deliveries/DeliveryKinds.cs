namespace Quality.Notifications.Features.Deliveries;

public static class DeliveryKinds
{
    public const string Alert = "alert";
    public const string Digest = "digest";
}
