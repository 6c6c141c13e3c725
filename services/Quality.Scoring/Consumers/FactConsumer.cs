using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>
/// Stores an event as a fact, once, and folds it into the live values, together with the other events this replica
/// is consuming at the moment (see <see cref="FactBatcher"/>). Completes, or fails, with its own event.
/// </summary>
public sealed class FactConsumer<TEvent>(FactBatcher batches) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public Task Consume(ConsumeContext<TEvent> context) =>
        batches.ProcessAsync(new FactMessage(Inbox<ScoringDbContext>.ReceiptFor<FactConsumer<TEvent>>(context), context.Message), context.CancellationToken);
}
