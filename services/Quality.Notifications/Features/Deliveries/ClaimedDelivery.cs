namespace Quality.Notifications.Features.Deliveries;

/// <summary>
/// A delivery the worker has leased for one attempt; <see cref="Secret"/> is the rule's webhook signing key ("" for email).
/// <see cref="Endpoint"/> is the webhook's receiver (null for email); <see cref="EndpointTroubled"/> says its circuit
/// had recorded failures when the delivery was claimed, so a success must reset it.
/// </summary>
public sealed record ClaimedDelivery(
    Guid Id, Guid? AlertId, Guid? RuleId, string Channel, string? Url, string? Recipient, string? Subject, string Payload, int Attempts, string Secret,
    string? Endpoint = null, bool EndpointTroubled = false);
