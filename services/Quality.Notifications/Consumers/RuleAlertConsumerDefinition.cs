using MassTransit;
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
        // Every message of the batches in flight must be let in at once, or no batch could fill; the prefetch
        // holds the next batch ready.
        Endpoint(e =>
        {
            e.ConcurrentMessageLimit = _batches.MessageLimit * _batches.Concurrency;
            e.PrefetchCount = _batches.MessageLimit * (_batches.Concurrency + 1);
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RuleAlertConsumer<TEvent>> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_batches.MessageLimit)
            .SetTimeLimit(_batches.TimeLimit)
            .SetConcurrencyLimit(_batches.Concurrency));
}
