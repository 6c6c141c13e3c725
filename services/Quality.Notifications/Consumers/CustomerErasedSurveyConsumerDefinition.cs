using MassTransit;

namespace Quality.Notifications.Consumers;

public sealed class CustomerErasedSurveyConsumerDefinition : ConsumerDefinition<CustomerErasedSurveyConsumer>
{
    public CustomerErasedSurveyConsumerDefinition()
    {
        EndpointName = "notifications-customer-erased";
        ConcurrentMessageLimit = 4;
    }
}
