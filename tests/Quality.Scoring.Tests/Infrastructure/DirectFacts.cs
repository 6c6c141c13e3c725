using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// Does what the fact consumer does (store the fact, fold it into the live values) without the broker: for tests
/// that need many facts at instants far from now, fast. Test classes using it belong to <see cref="EventPublishingTests"/>.
/// </summary>
public static class DirectFacts
{
    public static async Task RecordAsync(ScoringHost host, IEnumerable<IntegrationEvent> events)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = host.Services.CreateAsyncScope();
        var facts = scope.ServiceProvider.GetRequiredService<FactRecorder>();
        var folder = scope.ServiceProvider.GetRequiredService<LiveFolder>();
        foreach (var e in events)
        {
            await facts.RecordAsync(e, ct);
            await folder.FoldAsync(e, ct);
        }
    }
}
