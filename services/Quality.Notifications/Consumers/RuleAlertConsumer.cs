using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>
/// Turns one event type into alerts for the rules that name it. Alerts and deliveries commit with the
/// inbox receipt, so a redelivered event makes neither twice; the worker is woken only after the commit.
/// </summary>
public sealed class RuleAlertConsumer<TEvent>(Inbox<NotificationsDbContext> inbox, AlertRecorder alerts, DeliverySignal signal)
    : IConsumer<TEvent> where TEvent : IntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var queued = 0;
        var processed = await inbox.ProcessOnceAsync<RuleAlertConsumer<TEvent>>(context, async cancellationToken =>
            queued = await alerts.FanOutAsync(context.Message, cancellationToken));
        if (processed && queued > 0)
        {
            signal.Notify();
        }
    }
}
