using Quality.Scoring.Benchmark.Folding;
using Quality.Scoring.Benchmark.Traffic;

namespace Quality.LoadGenerator.Tests.ScoringBenchmark;

public sealed class ScopeCountsTests
{
    [Fact]
    public void Reads_sample_counts_and_the_backlog_value_from_a_report()
    {
        var counts = ScopeCounts.From(
        [
            ("complaint_rate_percent", 70.0, 10), ("first_response_time_p50", 60.0, 9), ("first_response_time_p90", 90.0, 9),
            ("resolution_time_p50", 600.0, 8), ("csat_percent", 75.0, 4), ("nps", null, 0), ("ces_average", 3.0, 1), ("backlog", 2.0, 2),
        ]);
        Assert.Equal(new ScopeCounts(10, 9, 8, 4, 0, 1, 2), counts);
    }

    [Fact]
    public void A_kpi_left_out_counts_zero() => Assert.Equal(ScopeCounts.Zero, ScopeCounts.From([]));

    [Fact]
    public void Only_teams_whose_counts_differ_are_reported_short()
    {
        var expected = new Dictionary<string, ScopeCounts> { ["t1"] = new(1, 1, 1, 1, 0, 0, 0), ["t2"] = new(2, 0, 0, 0, 0, 0, 2) };
        Assert.Empty(FoldStage.Mismatch(expected, expected));

        var observed = new Dictionary<string, ScopeCounts> { ["t1"] = expected["t1"], ["t2"] = expected["t2"] with { Backlog = 1 } };
        var mismatch = Assert.Single(FoldStage.Mismatch(expected, observed));
        Assert.StartsWith("t2: expected", mismatch, StringComparison.Ordinal);
        Assert.Contains("backlog 1", mismatch, StringComparison.Ordinal);
    }
}
