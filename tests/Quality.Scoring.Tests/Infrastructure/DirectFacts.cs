using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// Does what the consumers do (fact, organisation counters, live fold) without the broker: for tests that need
/// many facts at instants far from now, fast. Test classes using it belong to <see cref="EventPublishingTests"/>.
/// </summary>
public static class DirectFacts
{
    public static async Task RecordAsync(ScoringHost host, IEnumerable<IntegrationEvent> events)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var facts = scope.ServiceProvider.GetRequiredService<FactRecorder>();
        var counters = scope.ServiceProvider.GetRequiredService<LiveCounterStore>();
        var folder = scope.ServiceProvider.GetRequiredService<LiveFolder>();
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseOpened opened:
                    await scope.ServiceProvider.GetRequiredService<CaseFactRecorder>().RecordOpenedAsync(opened, ct);
                    await db.SaveChangesAsync(ct);
                    await counters.CaseOpenedAsync(opened.CaseId, opened.Category);
                    break;
                case SurveyAnswered answered:
                    await facts.RecordAsync(answered, ct);
                    await counters.SurveyAnsweredAsync(answered.FeedbackId, answered.SurveyType, answered.Score);
                    break;
                default:
                    await facts.RecordAsync(e, ct);
                    break;
            }

            await folder.FoldAsync(e, ct);
        }
    }
}
