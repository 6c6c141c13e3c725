using MassTransit;
using Quality.Messaging.Batching;
using Microsoft.Extensions.Options;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Consumers;

public sealed class ComplaintRaisedConsumerDefinition : ConsumerDefinition<ComplaintRaisedConsumer>
{
    private readonly ComplaintBatchOptions _batches;

    public ComplaintRaisedConsumerDefinition(IOptions<ComplaintBatchOptions> batches)
    {
        _batches = batches.Value;
        EndpointName = "routing-complaint-raised";
        Endpoint(e => e.UseBatches(_batches));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ComplaintRaisedConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseBatches(_batches);
}
