using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Batching;
using Quality.Messaging.Inbox;
using Quality.Messaging.Persistence;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// Raises the alerts of a batch of events (rule events, and cases opened) once each, with the consumer's inbox receipts: the whole batch in one
/// transaction, its alerts and deliveries with it, and the delivery worker woken after the commit; or each event in its
/// own when that fails (see <see cref="BatchConsumption"/>). Each try works in a scope of its own, so a failed batch
/// leaves nothing behind for the events then applied one by one.
/// </summary>
public sealed class AlertBatchHandler(IServiceScopeFactory scopes, DeliverySignal signal, ILogger<AlertBatchHandler> logger)
{
    public Task ConsumeAsync<TConsumer, TEvent>(ConsumeContext<Batch<TEvent>> context) where TEvent : IntegrationEvent =>
        BatchConsumption.ApplyAsync(
            context,
            typeof(TConsumer).Name,
            RaiseAsync<TConsumer, TEvent>,
            (message, ct) => RaiseAsync<TConsumer, TEvent>([message], ct),
            logger);

    private async Task RaiseAsync<TConsumer, TEvent>(IReadOnlyList<ConsumeContext<TEvent>> messages, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var queued = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<Inbox<NotificationsDbContext>>();
            var alerts = scope.ServiceProvider.GetRequiredService<AlertRecorder>();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            await inbox.ProcessBatchOnceAsync<TConsumer, ConsumeContext<TEvent>>(messages, BatchConsumption.MessageIdOf,
                async (fresh, ct) =>
                {
                    queued = await alerts.RaiseAsync([.. fresh.Select(m => (IntegrationEvent)m.Message)], ct);
                    // A batch's alerts, deliveries and escalation timers, a table at a time rather than a row at a time.
                    await AddedRows.InsertAsync(db, ct);
                },
                cancellationToken);
        }

        if (queued > 0)
        {
            signal.Notify();
        }
    }
}
