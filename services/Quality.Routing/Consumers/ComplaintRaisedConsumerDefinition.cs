using MassTransit;
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
        // Every message of the batches in flight must be let in at once, or no batch could fill; the prefetch
        // holds the next batch ready.
        Endpoint(e =>
        {
            e.ConcurrentMessageLimit = _batches.MessageLimit * _batches.Concurrency;
            e.PrefetchCount = _batches.MessageLimit * (_batches.Concurrency + 1);
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ComplaintRaisedConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_batches.MessageLimit)
            .SetTimeLimit(_batches.TimeLimit)
            .SetConcurrencyLimit(_batches.Concurrency));
}
