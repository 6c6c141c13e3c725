using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

/// <summary>The built-in new-case alert for the team's supervisors, plus whatever rules name <c>CaseOpened</c>.</summary>
public sealed class CaseOpenedAlertConsumer(Inbox<NotificationsDbContext> inbox, AlertRecorder alerts, DeliverySignal signal) : IConsumer<CaseOpened>
{
    public async Task Consume(ConsumeContext<CaseOpened> context)
    {
        var queued = 0;
        var processed = await inbox.ProcessOnceAsync<CaseOpenedAlertConsumer>(context, async cancellationToken =>
        {
            await alerts.CaseOpenedAsync(context.Message, cancellationToken);
            queued = await alerts.FanOutAsync(context.Message, cancellationToken);
        });
        if (processed && queued > 0)
        {
            signal.Notify();
        }
    }
}
