using MassTransit;

namespace Quality.Notifications.Consumers;

public sealed class CaseOpenedAlertConsumerDefinition : ConsumerDefinition<CaseOpenedAlertConsumer>
{
    public CaseOpenedAlertConsumerDefinition()
    {
        EndpointName = "notifications-case-opened";
        ConcurrentMessageLimit = 16;
    }
}
