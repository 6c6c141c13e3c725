using MassTransit;
using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores an event as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class FactConsumer<TEvent>(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public Task Consume(ConsumeContext<TEvent> context) =>
        inbox.ProcessOnceAsync<FactConsumer<TEvent>>(context, ct => facts.RecordAsync(context.Message, ct));
}
