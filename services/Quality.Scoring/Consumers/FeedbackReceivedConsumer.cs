using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="FeedbackReceived"/> as a fact, once (inbox receipt and fact in one transaction).</summary>
public sealed class FeedbackReceivedConsumer(Inbox<ScoringDbContext> inbox, FactRecorder facts) : IConsumer<FeedbackReceived>
{
    public Task Consume(ConsumeContext<FeedbackReceived> context) =>
        inbox.ProcessOnceAsync<FeedbackReceivedConsumer>(context, ct => facts.RecordAsync(context.Message, ct));
}
