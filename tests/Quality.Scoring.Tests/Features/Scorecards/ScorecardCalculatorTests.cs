using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.Scorecards;
using Quality.Scoring.Tests.Infrastructure;

namespace Quality.Scoring.Tests.Features.Scorecards;

/// <summary>Composites on <see cref="FixedHistory"/>'s day against hand-computed values, no servers.</summary>
public sealed class ScorecardCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly FixedHistory _history = new(T0, "card");

    /// <summary>
    /// CSAT 0.2 (0–100), first response p50 0.3 (worst 3600 s, best 0: lower is better), resolution p50 0.1 (worst
    /// 28800 s, best 0), CES 0.2 (default bounds 1 → 7), reopen rate 0.2 (default bounds: worst 100, best 0).
    /// </summary>
    private static readonly Scorecard Card = new("agent", "day",
    [
        new(KpiDefinitions.CsatPercent, 0.2, 0, 100),
        new(KpiDefinitions.FirstResponseP50, 0.3, 3600, 0),
        new(KpiDefinitions.ResolutionP50, 0.1, 28800, 0),
        new(KpiDefinitions.CesAverage, 0.2, 1, 7),
        new(KpiDefinitions.ReopenRate, 0.2, 100, 0),
    ]);

    private ScorecardScore ScoreOf(string agent) =>
        ScorecardCalculator.Compute(Card, KpiCalculator.Compute(InMemoryFacts.From(_history.Events), KpiScope.Agent(agent), new KpiPeriod(T0, T0.AddDays(1))));

    [Fact]
    public void A1_composite_is_the_weighted_sum_of_normalised_parts()
    {
        // CSAT 100 → 100; first response 600 s → 100 × 3000/3600; resolution 3600 s → 100 × 25200/28800 = 87.5;
        // CES 3 → 100 × 2/6; reopen rate 0 → 100. Every KPI has data, so the weights stay as configured.
        var expected = 0.2 * 100 + 0.3 * (100 * 3000 / 3600.0) + 0.1 * 87.5 + 0.2 * (100 * 2 / 6.0) + 0.2 * 100;

        var score = ScoreOf(_history.A1);

        Assert.Equal(80.416666666667, expected, 9);
        Assert.Equal(expected, score.Composite!.Value, 9);
        Assert.Equal(1, score.WeightWithData, 9);
        var response = score.Parts.Single(p => p.Definition.Kpi == KpiDefinitions.FirstResponseP50);
        Assert.Equal((600.0, 1L, 83.333333333, 0.3, 25.0),
            (response.Value, response.SampleCount, Round(response.Normalised), Round(response.EffectiveWeight), Round(response.Contribution)));
    }

    [Fact]
    public void A_kpi_without_samples_is_left_out_and_the_others_share_its_weight()
    {
        // A2: CSAT 0 → 0; first response 1800 s → 50 (lower is better); resolution 14400 s → 50; no CES answer; reopen
        // rate 100 % → 0. The 0.8 with data is scaled to 1: (0.2 × 0 + 0.3 × 50 + 0.1 × 50 + 0.2 × 0) / 0.8 = 25.
        var score = ScoreOf(_history.A2);

        Assert.Equal(25, score.Composite!.Value, 9);
        Assert.Equal(0.8, score.WeightWithData, 9);
        var ces = score.Parts.Single(p => p.Definition.Kpi == KpiDefinitions.CesAverage);
        Assert.Equal((null, 0L, null, 0.0, null), (ces.Value, ces.SampleCount, ces.Normalised, ces.EffectiveWeight, ces.Contribution));
        var response = score.Parts.Single(p => p.Definition.Kpi == KpiDefinitions.FirstResponseP50);
        Assert.Equal((50.0, 0.375, 18.75), (Round(response.Normalised), Round(response.EffectiveWeight), Round(response.Contribution)));
        Assert.Equal(score.Composite.Value, score.Parts.Sum(p => p.Contribution ?? 0), 9);
        Assert.Equal(1, score.Parts.Sum(p => p.EffectiveWeight), 9);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 9) : null;

    [Fact]
    public void Nothing_measured_gives_no_composite()
    {
        var score = ScoreOf("nobody");

        Assert.Null(score.Composite);
        Assert.Equal(0, score.WeightWithData);
        Assert.All(score.Parts, p => Assert.Null(p.Normalised));
    }

    [Theory]
    [InlineData(-5, 100)]
    [InlineData(0, 100)]
    [InlineData(1800, 50)]
    [InlineData(3600, 0)]
    [InlineData(99999, 0)]
    public void Lower_is_better_values_normalise_between_worst_and_best_and_clamp(double raw, double expected) =>
        Assert.Equal(expected, new ScorecardKpi(KpiDefinitions.FirstResponseP50, 1, 3600, 0).Normalise(raw), 9);
}
