using Quality.Scoring.Benchmark.Connections;

namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>
/// Publishes a plan's events over every channel of a publisher: channel <c>p</c> takes the plan's events <c>p</c>,
/// <c>p + channels</c>, … in order, up to 500 at a time, as fast as possible or paced so that the i-th event of the
/// plan leaves i/rate seconds after the start (open loop, whatever earlier publishes took).
/// </summary>
public static class PlanPublication
{
    private const int BatchSize = 500;

    /// <summary>Seconds from <paramref name="start"/> until every channel had its last confirm.</summary>
    public static async Task<double> PublishAsync(
        EventPublisher publisher, TrafficPlan plan, double? rate, long start, CancellationToken ct, Func<Type, string>? exchangeOf = null)
    {
        await Task.WhenAll(Enumerable.Range(0, publisher.Channels).Select(p => PublishPartitionAsync(publisher, plan, p, rate, start, exchangeOf, ct)));
        return Clock.MillisecondsSince(start) / 1000;
    }

    private static async Task PublishPartitionAsync(
        EventPublisher publisher, TrafficPlan plan, int partition, double? rate, long start, Func<Type, string>? exchangeOf, CancellationToken ct)
    {
        var mine = Enumerable.Range(0, plan.Events.Count).Where(i => i % publisher.Channels == partition).ToList();
        var next = 0;
        while (next < mine.Count)
        {
            var take = Math.Min(BatchSize, mine.Count - next);
            if (rate is { } perSecond)
            {
                var elapsed = Clock.MillisecondsSince(start) / 1000;
                var due = mine.Skip(next).Take(take).TakeWhile(i => i / perSecond <= elapsed).Count();
                if (due == 0)
                {
                    var wait = mine[next] / perSecond - elapsed;
                    await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(wait, 0.001, 0.05)), ct);
                    continue;
                }

                take = due;
            }

            await publisher.PublishAsync(partition, [.. mine.Skip(next).Take(take).Select(i => plan.Events[i].Event)], ct, exchangeOf);
            next += take;
        }
    }
}
