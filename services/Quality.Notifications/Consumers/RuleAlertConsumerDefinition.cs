using MassTransit;
using Quality.Messaging.Batching;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>One queue per event type, e.g. <c>notifications-sla-breached</c>, taken in batches.</summary>
public sealed class RuleAlertConsumerDefinition<TEvent> : ConsumerDefinition<RuleAlertConsumer<TEvent>> where TEvent : IntegrationEvent
{
    private readonly AlertBatchOptions _batches;

    public RuleAlertConsumerDefinition(IOptions<AlertBatchOptions> batches)
    {
        _batches = batches.Value;
        EndpointName = "notifications-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(TEvent).Name);
        Endpoint(e => e.UseBatches(_batches));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RuleAlertConsumer<TEvent>> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseBatches(_batches);
}
