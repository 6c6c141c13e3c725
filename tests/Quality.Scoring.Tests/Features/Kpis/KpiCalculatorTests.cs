using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Tests.Infrastructure;

namespace Quality.Scoring.Tests.Features.Kpis;

/// <summary>The KPI math against hand-computed values on <see cref="FixedHistory"/>, no servers.</summary>
public sealed class KpiCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly FixedHistory _history = new(T0, "unit");

    private KpiPeriod Day => new(T0, T0.AddDays(1));

    public static TheoryData<string> Scopes => ["org", "team-t", "a1", "a2"];

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_kpi_matches_the_hand_computed_value(string which)
    {
        var (scope, expected) = ScopeAndExpected(which);

        var results = KpiCalculator.Compute(InMemoryFacts.From(_history.Events), scope, Day);

        AssertMatches(expected, results);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Arrival_order_does_not_matter(string which)
    {
        var (scope, expected) = ScopeAndExpected(which);
        var reversed = _history.Events.Reverse().ToList();
        var shuffled = _history.Events.OrderBy(e => e.EventId.GetHashCode()).ToList();

        AssertMatches(expected, KpiCalculator.Compute(InMemoryFacts.From(reversed), scope, Day));
        AssertMatches(expected, KpiCalculator.Compute(InMemoryFacts.From(shuffled), scope, Day));
    }

    [Fact]
    public void Delivering_every_event_again_changes_nothing()
    {
        var twice = _history.Events.Concat(_history.Events).ToList();

        AssertMatches(ExpectedKpis.Organisation, KpiCalculator.Compute(InMemoryFacts.From(twice), KpiScope.Organisation, Day));
    }

    [Fact]
    public void Every_defined_kpi_is_reported_once_in_definition_order()
    {
        var results = KpiCalculator.Compute(new KpiFacts(), KpiScope.Organisation, Day);

        Assert.Equal(KpiDefinitions.All.Select(d => d.Name), results.Select(r => r.Definition.Name));
        Assert.All(results.Where(r => r.Definition != KpiDefinitions.Backlog), r => Assert.Null(r.Value));
    }

    [Fact]
    public void A_team_with_no_activity_has_no_values_and_a_zero_backlog()
    {
        var results = KpiCalculator.Compute(InMemoryFacts.From(_history.Events), KpiScope.Team("nobody"), Day);

        Assert.All(results, r => Assert.Equal(0, r.SampleCount));
        Assert.Equal(0, results.Single(r => r.Definition == KpiDefinitions.Backlog).Value);
    }

    [Fact]
    public void The_day_before_sees_only_its_own_case_resolved()
    {
        var results = KpiCalculator.Compute(InMemoryFacts.From(_history.Events), KpiScope.Organisation, new KpiPeriod(T0.AddDays(-1), T0));

        Assert.Equal((1800.0, 1L), Find(results, "resolution_time_p50"));
        Assert.Equal((0.0, 0L), Find(results, "backlog"));
        Assert.Equal((100.0, 1L), Find(results, "complaint_rate_percent"));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.5, 5)]
    [InlineData(new double[] { 1, 2 }, 0.5, 1)]
    [InlineData(new double[] { 1, 2 }, 0.9, 2)]
    [InlineData(new double[] { 10, 1, 7, 3 }, 0.5, 3)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0.9, 10)]
    public void Percentiles_are_nearest_rank(double[] values, double p, double expected) =>
        Assert.Equal(expected, KpiCalculator.Percentile(values, p));

    private (KpiScope Scope, IReadOnlyDictionary<string, (double? Value, long Samples)> Expected) ScopeAndExpected(string which) => which switch
    {
        "org" => (KpiScope.Organisation, ExpectedKpis.Organisation),
        "team-t" => (KpiScope.Team(_history.TeamT), ExpectedKpis.TeamT),
        "a1" => (KpiScope.Agent(_history.A1), ExpectedKpis.AgentA1),
        _ => (KpiScope.Agent(_history.A2), ExpectedKpis.AgentA2),
    };

    private static (double?, long) Find(IReadOnlyList<KpiResult> results, string name)
    {
        var result = results.Single(r => r.Definition.Name == name);
        return (result.Value, result.SampleCount);
    }

    private static void AssertMatches(IReadOnlyDictionary<string, (double? Value, long Samples)> expected, IReadOnlyList<KpiResult> results)
    {
        Assert.Equal(expected.Keys.Order(), results.Select(r => r.Definition.Name).Order());
        foreach (var result in results)
        {
            var (value, samples) = expected[result.Definition.Name];
            Assert.True(samples == result.SampleCount, $"{result.Definition.Name}: {result.SampleCount} samples, expected {samples}");
            Assert.True(value is null ? result.Value is null : result.Value is { } v && Math.Abs(v - value.Value) < 1e-9,
                $"{result.Definition.Name}: {result.Value}, expected {value}");
        }
    }
}
