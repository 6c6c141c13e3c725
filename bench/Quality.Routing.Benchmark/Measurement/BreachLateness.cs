namespace Quality.Routing.Benchmark.Measurement;

/// <summary>
/// How late breaches fired: recorded lateness is <c>breachedAt − dueAt</c> as Routing wrote them (the sweeper's
/// own delay, the "within about a second of its deadline"); received lateness is arrival here − dueAt,
/// adding the outbox relay and the broker, which is what a subscriber sees. The sweep takes from the first due
/// time to the last breach recorded.
/// </summary>
public sealed record BreachLateness(LatencySummary RecordedMs, LatencySummary ReceivedMs, double SweepSeconds, double BreachesPerSecond)
{
    public static BreachLateness Of(IReadOnlyCollection<Breach> breaches)
    {
        if (breaches.Count == 0)
        {
            return new BreachLateness(LatencySummary.Empty, LatencySummary.Empty, double.NaN, double.NaN);
        }

        var firstDue = breaches.Min(b => b.DueAt);
        var lastBreach = breaches.Max(b => b.BreachedAt);
        var sweep = (lastBreach - firstDue).TotalSeconds;
        return new BreachLateness(
            Percentiles.Summarize(breaches.Select(b => (b.BreachedAt - b.DueAt).TotalMilliseconds)),
            Percentiles.Summarize(breaches.Select(b => (b.ReceivedAt - b.DueAt).TotalMilliseconds)),
            sweep,
            sweep > 0 ? breaches.Count / sweep : double.NaN);
    }
}
