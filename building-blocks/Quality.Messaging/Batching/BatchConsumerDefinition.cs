using MassTransit;

namespace Quality.Messaging.Batching;

/// <summary>
/// The definition of a MassTransit batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>): its queue, let in enough messages
/// for every concurrent batch to fill, and the consumer's batch limits, both from one <see cref="MessageBatchOptions"/>.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly MessageBatchOptions _batches;

    protected BatchConsumerDefinition(string endpointName, MessageBatchOptions batches)
    {
        _batches = batches;
        EndpointName = endpointName;
        Endpoint(e => e.UseBatches(batches));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseBatches(_batches);
}
