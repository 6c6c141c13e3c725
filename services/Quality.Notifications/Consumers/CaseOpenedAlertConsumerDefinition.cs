using MassTransit;
using Microsoft.Extensions.Options;
using Quality.Messaging.Batching;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>The queue <c>notifications-case-opened</c>, taken in batches as the rule events are.</summary>
public sealed class CaseOpenedAlertConsumerDefinition : ConsumerDefinition<CaseOpenedAlertConsumer>
{
    private readonly AlertBatchOptions _batches;

    public CaseOpenedAlertConsumerDefinition(IOptions<AlertBatchOptions> batches)
    {
        _batches = batches.Value;
        EndpointName = "notifications-case-opened";
        Endpoint(e => e.UseBatches(_batches));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CaseOpenedAlertConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseBatches(_batches);
}
