using System.Text.Json;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// The JSON body a webhook receives. <see cref="Id"/> is also the <c>Quality-Webhook-Id</c> header, stable across retries.
/// <see cref="EscalationLevel"/> is 0 for the rule's own alert and n for its n-th escalation.
/// </summary>
public sealed record WebhookPayload(
    Guid Id,
    Guid AlertId,
    Guid RuleId,
    string EventType,
    int Severity,
    RuleTemplatesDto Title,
    Guid EventId,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    JsonElement Data,
    int EscalationLevel = 0);
