using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Benchmark.Traffic;

namespace Quality.Scoring.Benchmark.Folding;

/// <summary>
/// Publishes a plan's events (as fast as possible or at a fixed rate) and measures how long Scoring takes to fold
/// them into the live KPIs: every 250 ms each team's <c>last_hour</c> KPIs are read by gRPC and compared with the
/// plan, and the broker is asked how many messages still wait in Scoring's queues.
/// </summary>
public sealed class FoldStage(EventPublisher publisher, ScoringConnection scoring, TimeSpan timeout)
{
    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Seconds from the start until every publisher had its last confirm.</summary>
    private double _publishEnd = double.NaN;
    private int _publishersLeft;

    public async Task<FoldResult> RunAsync(TrafficPlan plan, double? rate, Action<string> progress, CancellationToken ct)
    {
        var start = Clock.Now;
        _publishEnd = double.NaN;
        var queuesEmptyAt = double.NaN;
        long peakDepth = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var depth = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var ready = await publisher.ScoringQueueDepthAsync(stop.Token);
                peakDepth = Math.Max(peakDepth, ready);
                if (ready == 0 && !double.IsNaN(Volatile.Read(ref _publishEnd)) && double.IsNaN(queuesEmptyAt))
                {
                    queuesEmptyAt = Clock.MillisecondsSince(start) / 1000;
                }

                await Task.Delay(PollInterval, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }, CancellationToken.None);

        var publishing = Task.WhenAll(Enumerable.Range(0, publisher.Channels).Select(p => PublishPartitionAsync(plan, p, rate, start, ct)));
        var (folded, mismatches) = await WaitUntilFoldedAsync(plan, start, publishing, progress, ct);
        await publishing;
        await stop.CancelAsync();
        try
        {
            await depth;
        }
        catch (OperationCanceledException)
        {
        }

        return new FoldResult
        {
            Rate = rate is { } r ? r.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "max",
            Events = plan.Events.Count,
            Cases = plan.Cases,
            EventsByType = plan.EventsByType,
            PublishSeconds = _publishEnd,
            FoldedSeconds = folded,
            QueuesEmptySeconds = queuesEmptyAt,
            PeakQueueDepth = peakDepth,
            Complete = mismatches.Count == 0,
            Mismatches = mismatches,
            LoadAfter = MachineInfo.LoadAverageNow(),
        };
    }

    private async Task PublishPartitionAsync(TrafficPlan plan, int partition, double? rate, long start, CancellationToken ct)
    {
        Interlocked.Increment(ref _publishersLeft);
        var mine = Enumerable.Range(0, plan.Events.Count).Where(i => i % publisher.Channels == partition).ToList();
        var next = 0;
        while (next < mine.Count)
        {
            var take = Math.Min(BatchSize, mine.Count - next);
            if (rate is { } perSecond)
            {
                // Open loop: the i-th event of the plan is due i/rate seconds after the start, whatever earlier publishes took.
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

            await publisher.PublishAsync(partition, [.. mine.Skip(next).Take(take).Select(i => plan.Events[i].Event)], ct);
            next += take;
        }

        if (Interlocked.Decrement(ref _publishersLeft) == 0)
        {
            _publishEnd = Clock.MillisecondsSince(start) / 1000;
        }
    }

    private async Task<(double Seconds, IReadOnlyList<string> Mismatches)> WaitUntilFoldedAsync(
        TrafficPlan plan, long start, Task publishing, Action<string> progress, CancellationToken ct)
    {
        var lastReport = Clock.Now;
        IReadOnlyList<string> mismatches = [];
        while (Clock.MillisecondsSince(start) < timeout.TotalMilliseconds)
        {
            if (publishing.IsFaulted)
            {
                await publishing;
            }

            var observed = new Dictionary<string, ScopeCounts>(StringComparer.Ordinal);
            foreach (var team in plan.ExpectedByTeam.Keys)
            {
                observed[team] = Counts(await scoring.GetKpisAsync("team", team, "last_hour", ct));
            }

            mismatches = Mismatch(plan.ExpectedByTeam, observed);
            if (mismatches.Count == 0)
            {
                return (Clock.MillisecondsSince(start) / 1000, mismatches);
            }

            if (Clock.MillisecondsSince(lastReport) > 5000)
            {
                var seen = observed.Values.Aggregate(ScopeCounts.Zero, (sum, c) => sum + c);
                progress($"  {Clock.MillisecondsSince(start) / 1000:0}s: seen {seen}");
                lastReport = Clock.Now;
            }

            await Task.Delay(PollInterval, ct);
        }

        return (double.NaN, mismatches);
    }

    /// <summary>Teams whose observed counts differ from the expected ones, described for the report.</summary>
    internal static IReadOnlyList<string> Mismatch(IReadOnlyDictionary<string, ScopeCounts> expected, IReadOnlyDictionary<string, ScopeCounts> observed) =>
        [.. expected.Where(e => !observed.TryGetValue(e.Key, out var seen) || seen != e.Value)
            .Select(e => $"{e.Key}: expected {e.Value}; saw {(observed.TryGetValue(e.Key, out var seen) ? seen.ToString() : "nothing")}")];

    internal static ScopeCounts Counts(Quality.Scoring.Grpc.KpiReport report) =>
        ScopeCounts.From(report.Kpis.Select(k => (k.Name, k.Value, k.SampleCount)));
}
