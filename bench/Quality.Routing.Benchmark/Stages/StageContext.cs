using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Options;
using Quality.Routing.Benchmark.Routing;

namespace Quality.Routing.Benchmark.Stages;

/// <summary>What every stage works with: the broker both ways, Routing's API, the complaints and the run's notes.</summary>
public sealed record StageContext(
    BenchmarkOptions Options,
    ComplaintPublisher Publisher,
    RoutingEvents Events,
    RoutingApi Routing,
    ComplaintFactory Complaints,
    string RunId,
    List<string> Notes)
{
    /// <summary>Waits until <paramref name="done"/>, or until <paramref name="progress"/> has not moved for the drain time.</summary>
    public async Task WaitAsync(Func<bool> done, Func<long> progress, CancellationToken ct)
    {
        var last = progress();
        var since = DateTime.UtcNow;
        while (!done())
        {
            await Task.Delay(50, ct).ConfigureAwait(false);
            var now = progress();
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - since > Options.Drain)
            {
                return;
            }
        }
    }
}
