using MassTransit;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

public sealed partial class CaseOpenedConsumer(
    Inbox<ScoringDbContext> inbox, LiveFolder folder, CaseFactRecorder facts, LiveCounterStore live, ILogger<CaseOpenedConsumer> logger) : IConsumer<CaseOpened>
{
    public async Task Consume(ConsumeContext<CaseOpened> context)
    {
        await inbox.ProcessOnceAsync<CaseOpenedConsumer>(context, ct => facts.RecordOpenedAsync(context.Message, ct));

        // The fact is committed; the live value follows. Applied once per case (the fact's key), so a redelivery
        // or re-publish that reaches here again (the fact already stored) is harmless. If Redis is away the fact stays the
        // truth, and queries and a rebuild read it from PostgreSQL.
        try
        {
            await live.CaseOpenedAsync(context.Message.CaseId, context.Message.Category);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisUnavailable(e, context.Message.CaseId);
        }

        await folder.FoldAsync(context.Message, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live counters not updated for case {CaseId}: Redis unavailable")]
    private partial void LogRedisUnavailable(Exception exception, Guid caseId);
}
