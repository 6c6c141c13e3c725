using Quality.Scoring.Benchmark.Queries;

namespace Quality.LoadGenerator.Tests.ScoringBenchmark;

public sealed class QueryTallyTests
{
    [Fact]
    public void Latencies_are_nearest_rank_percentiles_and_sources_are_counted()
    {
        var tally = new QueryTally();
        for (var ms = 1; ms <= 100; ms++)
        {
            tally.Answered(ms, ms <= 90 ? "redis" : "postgres", degraded: ms > 95);
        }

        tally.Failed("boom");
        var row = tally.Row("grpc last_hour");
        Assert.Equal((100, 50.0, 90.0, 99.0, 100.0), (row.Latency.Count, row.Latency.P50, row.Latency.P90, row.Latency.P99, row.Latency.Max));
        Assert.Equal((90, 10, 5, 1, "boom"), (row.Redis, row.Postgres, row.Degraded, row.Errors, row.LastError));
    }

    [Fact]
    public void Every_transport_scope_and_period_given_is_asked()
    {
        var targets = QueryTarget.All("t1", "t1-a01", ["last_hour", "day"]);
        Assert.Equal(12, targets.Count);
        Assert.Equal(["grpc last_hour", "grpc day", "http last_hour", "http day"], targets.Select(t => t.Group).Distinct());
        Assert.Contains(targets, t => t is { Scope: "org", ScopeId: "" });
        Assert.Equal(["grpc last_hour", "http last_hour"], QueryTarget.All("t1", "t1-a01", ["last_hour"]).Select(t => t.Group).Distinct());
    }
}
