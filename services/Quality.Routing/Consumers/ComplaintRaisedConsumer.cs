using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Batching;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Consumers;

/// <summary>
/// Opens cases for complaints a batch at a time (see <see cref="ComplaintBatchOptions"/>): the whole batch in one
/// transaction, or each complaint in its own when that fails (see <see cref="BatchConsumption"/>). The inbox receipts
/// keep the name of the consumer that took complaints one at a time.
/// </summary>
public sealed class ComplaintRaisedConsumer(ComplaintHandler handler, ILogger<ComplaintRaisedConsumer> logger) : IConsumer<Batch<ComplaintRaised>>
{
    public Task Consume(ConsumeContext<Batch<ComplaintRaised>> context) =>
        BatchConsumption.ApplyAsync(
            context,
            nameof(ComplaintRaisedConsumer),
            (messages, ct) => handler.OpenBatchAsync([.. messages.Select(m => (BatchConsumption.MessageIdOf(m), m.Message))], ct),
            (message, ct) => handler.OpenOneAsync(BatchConsumption.MessageIdOf(message), message.Message, ct),
            logger);
}
