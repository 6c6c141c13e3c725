using MassTransit;
using Quality.Contracts;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>
/// Turns one event type into alerts for the rules that name it, a batch at a time (see <see cref="AlertBatchOptions"/>
/// and <see cref="AlertBatchHandler"/>). Alerts and deliveries commit with the inbox receipts, so a redelivered event
/// makes neither twice; the receipts keep the name of the consumer that took events one at a time.
/// </summary>
public sealed class RuleAlertConsumer<TEvent>(AlertBatchHandler handler) : IConsumer<Batch<TEvent>> where TEvent : IntegrationEvent
{
    public Task Consume(ConsumeContext<Batch<TEvent>> context) => handler.ConsumeAsync<RuleAlertConsumer<TEvent>, TEvent>(context);
}
