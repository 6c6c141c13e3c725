using MassTransit;

namespace Quality.Routing.Consumers;

public sealed class ComplaintRaisedConsumerDefinition : ConsumerDefinition<ComplaintRaisedConsumer>
{
    public ComplaintRaisedConsumerDefinition()
    {
        EndpointName = "routing-complaint-raised";
        ConcurrentMessageLimit = 16;
    }
}
