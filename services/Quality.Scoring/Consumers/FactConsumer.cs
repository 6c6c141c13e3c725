using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>
/// Stores an event as a fact, once (inbox receipt and fact in one transaction), then folds it into the live
/// values. The fold runs even for a message the inbox has seen, so a crash between the two is repaired by the
/// redelivery; folding is idempotent.
/// </summary>
public sealed class FactConsumer<TEvent>(Inbox<ScoringDbContext> inbox, FactRecorder facts, LiveFolder live) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        await inbox.ProcessOnceAsync<FactConsumer<TEvent>>(context, ct => facts.RecordAsync(context.Message, ct));
        await live.FoldAsync(context.Message, context.CancellationToken);
    }
}
