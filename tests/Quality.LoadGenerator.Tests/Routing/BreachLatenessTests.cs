using Quality.Routing.Benchmark.Measurement;

namespace Quality.LoadGenerator.Tests.Routing;

public sealed class BreachLatenessTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 24, 0, 38, 10, TimeSpan.Zero);

    [Fact]
    public void Lateness_is_breach_time_minus_due_time_and_arrival_minus_due_time()
    {
        var breaches = Enumerable.Range(1, 100)
            .Select(i => new Breach(Due, Due.AddMilliseconds(10 * i), Due.AddMilliseconds(10 * i + 300)))
            .ToList();

        var lateness = BreachLateness.Of(breaches);

        Assert.Equal((500.0, 990.0, 1000.0), (lateness.RecordedMs.P50, lateness.RecordedMs.P99, lateness.RecordedMs.Max));
        Assert.Equal((800.0, 1300.0), (lateness.ReceivedMs.P50, lateness.ReceivedMs.Max));
        Assert.Equal(1.0, lateness.SweepSeconds, 6);
        Assert.Equal(100.0, lateness.BreachesPerSecond, 6);
    }

    [Fact]
    public void The_sweep_counts_from_the_first_due_time()
    {
        var lateness = BreachLateness.Of([new Breach(Due, Due.AddSeconds(1), Due.AddSeconds(1)), new Breach(Due.AddSeconds(2), Due.AddSeconds(3), Due.AddSeconds(3))]);
        Assert.Equal(3.0, lateness.SweepSeconds, 6);
        Assert.Equal(1000.0, lateness.RecordedMs.Max);
    }

    [Fact]
    public void No_breaches_give_no_figures() => Assert.True(double.IsNaN(BreachLateness.Of([]).RecordedMs.P99));
}
