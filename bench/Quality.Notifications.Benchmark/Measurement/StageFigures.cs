using System.Diagnostics;

namespace Quality.Notifications.Benchmark.Measurement;

/// <summary>
/// A stage's delivery figures at its healthy receivers. Latency counts measured events only (not warm-up);
/// loss counts every event of the stage: each should reach each healthy receiver once.
/// </summary>
/// <param name="Expected">Events published in the stage (warm-up included) × healthy receivers.</param>
/// <param name="Received">First deliveries of those events.</param>
/// <param name="DeliveriesPerSecond">First deliveries that arrived inside the measured window, per second of it: the sustained rate.</param>
/// <param name="P99BySecond">p99 latency of the events published in each second of the window, to show when a stall happened.</param>
/// <param name="LastArrivalSeconds">When the last delivery arrived, in seconds after the window ended (how long the backlog took to drain).</param>
public sealed record StageFigures(
    int Expected, int Received, int Lost, double DeliveriesPerSecond, LatencySummary Latency, IReadOnlyList<double> P99BySecond, double LastArrivalSeconds)
{
    public static StageFigures Compute(IReadOnlyList<Arrival> arrivals, int published, int healthyReceivers, long windowStart, long windowEnd)
    {
        var expected = published * healthyReceivers;
        var measured = arrivals.Where(a => a.Measured).ToList();
        var windowSeconds = Clock.MillisecondsBetween(windowStart, windowEnd) / 1000;
        var inWindow = arrivals.Count(a => a.ArrivedAt >= windowStart && a.ArrivedAt < windowEnd);
        var bySecond = measured
            .GroupBy(a => (int)((a.PublishedAt - windowStart) / Stopwatch.Frequency))
            .OrderBy(g => g.Key)
            .Select(g => Percentiles.Summarize(g.Select(a => a.LatencyMs)).P99)
            .ToList();
        var lastArrival = arrivals.Count == 0 ? double.NaN : Clock.MillisecondsBetween(windowEnd, arrivals.Max(a => a.ArrivedAt)) / 1000;
        return new StageFigures(
            expected,
            arrivals.Count,
            expected - arrivals.Count,
            windowSeconds > 0 ? inWindow / windowSeconds : double.NaN,
            Percentiles.Summarize(measured.Select(a => a.LatencyMs)),
            bySecond,
            lastArrival);
    }
}
