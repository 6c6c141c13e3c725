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
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<FoldResult> RunAsync(TrafficPlan plan, double? rate, Action<string> progress, CancellationToken ct)
    {
        var start = Clock.Now;
        var queuesEmptyAt = double.NaN;
        long peakDepth = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var publishing = PlanPublication.PublishAsync(publisher, plan, rate, start, ct);

        var depth = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var ready = await publisher.ScoringQueueDepthAsync(stop.Token);
                peakDepth = Math.Max(peakDepth, ready);
                if (ready == 0 && publishing.IsCompletedSuccessfully && double.IsNaN(queuesEmptyAt))
                {
                    queuesEmptyAt = Clock.MillisecondsSince(start) / 1000;
                }

                await Task.Delay(PollInterval, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }, CancellationToken.None);

        var (folded, mismatches) = await WaitUntilFoldedAsync(plan, start, publishing, progress, ct);
        var published = await publishing;
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
            PublishSeconds = published,
            FoldedSeconds = folded,
            QueuesEmptySeconds = queuesEmptyAt,
            PeakQueueDepth = peakDepth,
            Complete = mismatches.Count == 0,
            Mismatches = mismatches,
            LoadAfter = MachineInfo.LoadAverageNow(),
        };
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
