using MassTransit;
using Quality.Contracts;

namespace Quality.Notifications.Consumers;

/// <summary>One queue per event type, e.g. <c>notifications-sla-breached</c>.</summary>
public sealed class RuleAlertConsumerDefinition<TEvent> : ConsumerDefinition<RuleAlertConsumer<TEvent>> where TEvent : IntegrationEvent
{
    public RuleAlertConsumerDefinition()
    {
        EndpointName = "notifications-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TEvent).Name);
        ConcurrentMessageLimit = 16;
    }
}
