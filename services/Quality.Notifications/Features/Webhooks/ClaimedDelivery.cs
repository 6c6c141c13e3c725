namespace Quality.Notifications.Features.Webhooks;

/// <summary>A delivery the worker has leased for one attempt, with the rule's signing secret.</summary>
public sealed record ClaimedDelivery(Guid Id, Guid AlertId, Guid RuleId, string Url, string Payload, int Attempts, string Secret);
