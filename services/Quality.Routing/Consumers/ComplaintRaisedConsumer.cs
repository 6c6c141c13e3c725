using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MassTransit;
using Quality.Contracts.Intake;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Consumers;

/// <summary>
/// Opens cases for complaints a batch at a time (see <see cref="ComplaintBatchOptions"/>): the whole batch in one
/// transaction. When that fails, or for a lone complaint, each complaint is opened in its own transaction, so a
/// complaint that cannot be applied faults alone (and after its retries ends in the error queue) while the rest
/// are applied once. The inbox receipts keep the name of the consumer that took complaints one at a time.
/// </summary>
public sealed partial class ComplaintRaisedConsumer(ComplaintHandler handler, ILogger<ComplaintRaisedConsumer> logger) : IConsumer<Batch<ComplaintRaised>>
{
    public async Task Consume(ConsumeContext<Batch<ComplaintRaised>> context)
    {
        List<ConsumeContext<ComplaintRaised>> messages = [.. context.Message];
        // A retry means the batch failed before: straight to one by one.
        if (messages.Count > 1 && context.GetRetryAttempt() == 0)
        {
            try
            {
                await handler.OpenBatchAsync([.. messages.Select(m => (MessageIdOf(m), m.Message))], context.CancellationToken);
                return;
            }
            catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(e, messages.Count);
            }
        }

        await OpenOneByOneAsync(messages);
    }

    /// <summary>
    /// Each complaint in its own transaction. When some fail, the others are marked consumed before the batch
    /// faults, so that only the failed ones are retried and, in the end, dead-lettered.
    /// </summary>
    private async Task OpenOneByOneAsync(List<ConsumeContext<ComplaintRaised>> messages)
    {
        List<(ConsumeContext<ComplaintRaised> Message, TimeSpan Duration)> applied = [];
        List<Exception> failures = [];
        foreach (var message in messages)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await handler.OpenOneAsync(MessageIdOf(message), message.Message, message.CancellationToken);
                applied.Add((message, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception e) when (!message.CancellationToken.IsCancellationRequested)
            {
                LogComplaintFailed(e, message.Message.FeedbackId, message.MessageId);
                failures.Add(e);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        foreach (var (message, duration) in applied)
        {
            await message.NotifyConsumed(message, duration, nameof(ComplaintRaisedConsumer));
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        throw new AggregateException(failures);
    }

    private static Guid MessageIdOf(ConsumeContext message) =>
        message.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening a batch of {Count} complaints failed; opening them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Opening the case of complaint {FeedbackId} (message {MessageId}) failed")]
    private partial void LogComplaintFailed(Exception exception, Guid feedbackId, Guid? messageId);
}
