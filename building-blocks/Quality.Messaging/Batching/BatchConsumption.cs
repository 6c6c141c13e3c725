using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Quality.Messaging.Batching;

/// <summary>
/// How a MassTransit batch consumer applies its batch: all of it in one go, and when that fails (or on a retry, which
/// means it failed before, or for a lone message) each message on its own. Then a message that cannot be applied
/// faults alone, and after its retries ends in the error queue, while the rest are applied once: they are marked
/// consumed before the batch faults, so only the failed ones are retried.
/// </summary>
public static partial class BatchConsumption
{
    public static async Task ApplyAsync<TMessage>(
        ConsumeContext<Batch<TMessage>> context,
        string consumerName,
        Func<IReadOnlyList<ConsumeContext<TMessage>>, CancellationToken, Task> applyAll,
        Func<ConsumeContext<TMessage>, CancellationToken, Task> applyOne,
        ILogger logger)
        where TMessage : class
    {
        List<ConsumeContext<TMessage>> messages = [.. context.Message];
        if (messages.Count > 1 && context.GetRetryAttempt() == 0)
        {
            try
            {
                await applyAll(messages, context.CancellationToken);
                return;
            }
            catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(logger, e, messages.Count, typeof(TMessage).Name);
            }
        }

        List<(ConsumeContext<TMessage> Message, TimeSpan Duration)> applied = [];
        List<Exception> failures = [];
        foreach (var message in messages)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await applyOne(message, message.CancellationToken);
                applied.Add((message, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception e) when (!message.CancellationToken.IsCancellationRequested)
            {
                LogMessageFailed(logger, e, typeof(TMessage).Name, message.MessageId);
                failures.Add(e);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        foreach (var (message, duration) in applied)
        {
            await message.NotifyConsumed(message, duration, consumerName);
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        throw new AggregateException(failures);
    }

    /// <summary>The id the inbox deduplicates a message by.</summary>
    public static Guid MessageIdOf(ConsumeContext message) =>
        message.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a batch of {Count} {MessageType} messages failed; applying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string messageType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying {MessageType} message {MessageId} failed")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception, string messageType, Guid? messageId);
}
