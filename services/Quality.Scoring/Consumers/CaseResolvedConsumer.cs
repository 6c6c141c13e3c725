using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="CaseResolved"/> as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class CaseResolvedConsumer(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<CaseResolved>
{
    public Task Consume(ConsumeContext<CaseResolved> context) =>
        inbox.ProcessOnceAsync<CaseResolvedConsumer>(context, ct => facts.RecordAsync(context.Message, ct));
}
