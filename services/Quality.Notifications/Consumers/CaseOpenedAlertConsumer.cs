using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Consumers;

public sealed class CaseOpenedAlertConsumer(Inbox<NotificationsDbContext> inbox, AlertRecorder alerts) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        inbox.ProcessOnceAsync<CaseOpenedAlertConsumer>(context, _ =>
        {
            alerts.CaseOpened(context.Message);
            return Task.CompletedTask;
        });
}
