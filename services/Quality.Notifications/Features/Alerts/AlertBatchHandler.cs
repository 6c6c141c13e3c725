using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// Raises the alerts of a batch of events (rule events, and cases opened) once each, with the consumer's inbox receipts: the whole batch in one
/// transaction, its alerts and deliveries with it, and the delivery worker woken after the commit. When that fails, or
/// for a lone event, each event is applied in its own transaction, so an event that cannot be applied faults alone
/// (and after its retries ends in the error queue) while the rest are applied once. Each try works in a scope of its
/// own, so a failed batch leaves nothing behind for the events then applied one by one.
/// </summary>
public sealed partial class AlertBatchHandler(IServiceScopeFactory scopes, DeliverySignal signal, ILogger<AlertBatchHandler> logger)
{
    public async Task ConsumeAsync<TConsumer, TEvent>(ConsumeContext<Batch<TEvent>> context) where TEvent : IntegrationEvent
    {
        List<ConsumeContext<TEvent>> messages = [.. context.Message];
        // A retry means the batch failed before: straight to one by one.
        if (messages.Count > 1 && context.GetRetryAttempt() == 0)
        {
            try
            {
                await RaiseAsync<TConsumer, TEvent>(messages, context.CancellationToken);
                return;
            }
            catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(e, typeof(TEvent).Name, messages.Count);
            }
        }

        await RaiseOneByOneAsync<TConsumer, TEvent>(messages);
    }

    private async Task RaiseAsync<TConsumer, TEvent>(IReadOnlyList<ConsumeContext<TEvent>> messages, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var queued = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<Inbox<NotificationsDbContext>>();
            var alerts = scope.ServiceProvider.GetRequiredService<AlertRecorder>();
            await inbox.ProcessBatchOnceAsync<TConsumer, ConsumeContext<TEvent>>(messages, MessageIdOf,
                async (fresh, ct) => queued = await alerts.RaiseAsync([.. fresh.Select(m => (IntegrationEvent)m.Message)], ct),
                cancellationToken);
        }

        if (queued > 0)
        {
            signal.Notify();
        }
    }

    /// <summary>
    /// Each event in its own transaction. When some fail, the others are marked consumed before the batch faults,
    /// so that only the failed ones are retried and, in the end, dead-lettered.
    /// </summary>
    private async Task RaiseOneByOneAsync<TConsumer, TEvent>(List<ConsumeContext<TEvent>> messages) where TEvent : IntegrationEvent
    {
        List<(ConsumeContext<TEvent> Message, TimeSpan Duration)> applied = [];
        List<Exception> failures = [];
        foreach (var message in messages)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await RaiseAsync<TConsumer, TEvent>([message], message.CancellationToken);
                applied.Add((message, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception e) when (!message.CancellationToken.IsCancellationRequested)
            {
                LogEventFailed(e, typeof(TEvent).Name, message.Message.EventId, message.MessageId);
                failures.Add(e);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        foreach (var (message, duration) in applied)
        {
            await message.NotifyConsumed(message, duration, typeof(TConsumer).Name);
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        throw new AggregateException(failures);
    }

    private static Guid MessageIdOf(ConsumeContext message) =>
        message.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising the alerts of a batch of {Count} {EventType} events failed; raising them one by one")]
    private partial void LogBatchFailed(Exception exception, string eventType, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raising the alerts of {EventType} {EventId} (message {MessageId}) failed")]
    private partial void LogEventFailed(Exception exception, string eventType, Guid eventId, Guid? messageId);
}
