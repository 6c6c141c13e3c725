using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="CaseAssigned"/> as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class CaseAssignedConsumer(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<CaseAssigned>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) =>
        inbox.ProcessOnceAsync<CaseAssignedConsumer>(context, ct => facts.RecordAsync(context.Message, ct));
}
