using MassTransit;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Messaging.Batching;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>One queue per event type, e.g. <c>notifications-sla-breached</c>, taken in batches.</summary>
public sealed class RuleAlertConsumerDefinition<TEvent>(IOptions<AlertBatchOptions> batches)
    : BatchConsumerDefinition<RuleAlertConsumer<TEvent>>(
        "notifications-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TEvent).Name), batches.Value)
    where TEvent : IntegrationEvent;
