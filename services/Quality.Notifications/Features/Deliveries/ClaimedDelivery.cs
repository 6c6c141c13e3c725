namespace Quality.Notifications.Features.Deliveries;

/// <summary>A delivery the worker has leased for one attempt; <see cref="Secret"/> is the rule's webhook signing key ("" for email).</summary>
public sealed record ClaimedDelivery(
    Guid Id, Guid? AlertId, Guid? RuleId, string Channel, string? Url, string? Recipient, string? Subject, string Payload, int Attempts, string Secret);
