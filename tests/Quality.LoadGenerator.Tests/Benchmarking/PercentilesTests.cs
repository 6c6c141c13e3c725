
namespace Quality.LoadGenerator.Tests.Benchmarking;

public sealed class PercentilesTests
{
    [Fact]
    public void Nearest_rank_is_always_a_value_that_occurred()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var summary = Percentiles.Summarize(values.Reverse());
        Assert.Equal((100, 50.0, 90.0, 99.0, 100.0, 50.5), (summary.Count, summary.P50, summary.P90, summary.P99, summary.Max, summary.Mean));
    }

    [Fact]
    public void Small_samples_round_the_rank_up()
    {
        double[] sorted = [10, 20, 30];
        Assert.Equal(20, Percentiles.NearestRank(sorted, 0.5));
        Assert.Equal(30, Percentiles.NearestRank(sorted, 0.9));
        Assert.Equal(10, Percentiles.NearestRank(sorted, 0));
    }

    [Fact]
    public void No_samples_give_no_value()
    {
        Assert.Equal(0, Percentiles.Summarize([]).Count);
        Assert.True(double.IsNaN(Percentiles.Summarize([]).P99));
    }
}
