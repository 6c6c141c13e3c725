namespace Quality.Notifications.Features.Deliveries;

public static class DeliveryKinds
{
    public const string Alert = "alert";
    public const string Digest = "digest";

    /// <summary>A survey invitation to a customer: its address is erased from the row once the send is settled.</summary>
    public const string Survey = "survey";
}
