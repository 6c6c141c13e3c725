using MassTransit;
using Quality.Contracts.Intake;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Consumers;

/// <summary>Stores <see cref="SurveyAnswered"/> as a fact, once, then counts it in the live CSAT/NPS counters.</summary>
public sealed partial class SurveyAnsweredConsumer(
    Inbox<ScoringDbContext> inbox, LiveFolder folder, FactRecorder facts, LiveCounterStore live, ILogger<SurveyAnsweredConsumer> logger) : IConsumer<SurveyAnswered>
{
    public async Task Consume(ConsumeContext<SurveyAnswered> context)
    {
        var answer = context.Message;
        await inbox.ProcessOnceAsync<SurveyAnsweredConsumer>(context, ct => facts.RecordAsync(answer, ct));

        // After the commit, keyed by the fact's own key (feedback id and survey type), as for opened cases: a
        // second copy under any id adds nothing, and a missed increment is restored by a rebuild from the facts.
        try
        {
            await live.SurveyAnsweredAsync(answer.FeedbackId, answer.SurveyType, answer.Score);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRedisUnavailable(e, answer.FeedbackId);
        }

        await folder.FoldAsync(context.Message, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live survey counters not updated for feedback {FeedbackId}: Redis unavailable")]
    private partial void LogRedisUnavailable(Exception exception, Guid feedbackId);
}
