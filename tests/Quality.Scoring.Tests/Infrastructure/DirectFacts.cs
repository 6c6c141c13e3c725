using Quality.Contracts;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// Does what the fact consumer does (store the fact, fold it into the live values), one event at a time, without the
/// broker: for tests that need many facts at instants far from now, fast. Test classes using it belong to
/// <see cref="EventPublishingTests"/>.
/// </summary>
public static class DirectFacts
{
    public static async Task RecordAsync(ScoringHost host, IEnumerable<IntegrationEvent> events)
    {
        foreach (var e in events)
        {
            await Batches.ProcessAsync(host, [Batches.Message(e)]);
        }
    }
}
