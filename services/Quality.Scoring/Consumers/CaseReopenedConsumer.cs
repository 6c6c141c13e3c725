using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="CaseReopened"/> as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class CaseReopenedConsumer(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<CaseReopened>
{
    public Task Consume(ConsumeContext<CaseReopened> context) =>
        inbox.ProcessOnceAsync<CaseReopenedConsumer>(context, ct => facts.RecordAsync(context.Message, ct));
}
