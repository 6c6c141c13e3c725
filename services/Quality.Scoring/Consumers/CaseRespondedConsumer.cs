using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="CaseResponded"/> as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class CaseRespondedConsumer(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<CaseResponded>
{
    public Task Consume(ConsumeContext<CaseResponded> context) =>
        inbox.ProcessOnceAsync<CaseRespondedConsumer>(context, ct => facts.RecordAsync(context.Message, ct));
}
