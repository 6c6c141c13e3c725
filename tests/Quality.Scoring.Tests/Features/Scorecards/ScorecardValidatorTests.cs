using Quality.Scoring.Features.Scorecards;

namespace Quality.Scoring.Tests.Features.Scorecards;

/// <summary>Each unsound scorecard setting is refused with a message naming its key.</summary>
public sealed class ScorecardValidatorTests
{
    private static ScorecardCardOptions Card(string period = "week", params (string Kpi, double Weight, double? Worst, double? Best)[] kpis) => new()
    {
        Period = period,
        Kpis = kpis.ToDictionary(k => k.Kpi, k => new ScorecardKpiOptions { Weight = k.Weight, Worst = k.Worst, Best = k.Best }),
    };

    private static List<(string Key, string Error)> Errors(ScorecardCardOptions card) => [.. ScorecardValidator.Validate("Agent", card)];

    [Fact]
    public void Decimal_weights_summing_to_1_pass_and_default_bounds_come_from_the_kpi()
    {
        var card = Card("week", ("csat_percent", 0.1, null, null), ("reopen_rate_percent", 0.2, null, null), ("first_response_time_p50", 0.7, 3600, null));

        Assert.Empty(Errors(card));
        var built = ScorecardValidator.Build("Agent", card);
        Assert.Equal("agent", built.Name);
        // KpiDefinitions order; reopen rate is lower-is-better: worst 100, best 0; first response's best defaults to 0.
        Assert.Equal(
            [("csat_percent", 0.0, 100.0), ("first_response_time_p50", 3600.0, 0.0), ("reopen_rate_percent", 100.0, 0.0)],
            built.Kpis.Select(k => (k.Kpi.Name, k.Worst, k.Best)));
    }

    [Fact]
    public void A_kpi_weighted_0_is_left_out()
    {
        var card = Card("week", ("csat_percent", 1, null, null), ("nps", 0, null, null));

        Assert.Empty(Errors(card));
        Assert.Equal(["csat_percent"], ScorecardValidator.Build("Agent", card).Kpis.Select(k => k.Kpi.Name));
    }

    public static TheoryData<string, (string Kpi, double Weight, double? Worst, double? Best)[], string, string> Bad => new()
    {
        { "week", [("csat_percent", 0.5, null, null), ("nps", 0.6, null, null)], "Agent:Kpis",
            "the weights sum to 1.1 (csat_percent 0.5 + nps 0.6); they must sum to 1" },
        { "week", [("csat_percent", 0.5, null, null), ("nps", 0.4, null, null)], "Agent:Kpis",
            "the weights sum to 0.9 (csat_percent 0.5 + nps 0.4); they must sum to 1" },
        { "week", [("csat_percent", 1.5, null, null), ("nps", -0.5, null, null)], "Agent:Kpis:nps:Weight",
            "must be more than 0 (or 0 to leave nps out), not -0.5" },
        { "week", [], "Agent:Kpis", "lists no KPI with a weight above 0" },
        { "week", [("csat", 1, null, null)], "Agent:Kpis:csat",
            "unknown KPI 'csat'; use one of csat_percent, nps, ces_average, first_response_time_p50, first_response_time_p90, resolution_time_p50, resolution_time_p90, first_contact_resolution_percent, sla_compliance_percent, reopen_rate_percent, backlog, complaint_rate_percent, qa_score" },
        { "fortnight", [("csat_percent", 1, null, null)], "Agent:Period", "unknown period 'fortnight'; use day, week, month, last_hour, last_24h" },
        { "week", [("first_response_time_p50", 1, null, null)], "Agent:Kpis:first_response_time_p50:Worst",
            "required: first_response_time_p50 has no upper limit, so give the value that scores 0" },
        { "week", [("csat_percent", 1, 50, 50)], "Agent:Kpis:csat_percent", "Worst and Best are both 50; they must differ" },
        { "week", [("csat_percent", 1, -10, null)], "Agent:Kpis:csat_percent:Worst", "-10 is outside csat_percent's range (0 to 100)" },
        { "week", [("ces_average", 1, null, 9)], "Agent:Kpis:ces_average:Best", "9 is outside ces_average's range (1 to 7)" },
        { "week", [("first_response_time_p50", 1, 600, -1)], "Agent:Kpis:first_response_time_p50:Best",
            "-1 is outside first_response_time_p50's range (0 to no upper limit)" },
        { "week", [("csat_percent", 1, 90, 10)], "Agent:Kpis:csat_percent",
            "csat_percent is better higher, so Worst (90) must be below Best (10)" },
        { "week", [("first_response_time_p50", 1, 0, 3600)], "Agent:Kpis:first_response_time_p50",
            "first_response_time_p50 is better lower, so Worst (0) must be above Best (3600)" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Unsound_settings_are_refused_naming_the_key(string period, (string Kpi, double Weight, double? Worst, double? Best)[] kpis, string key, string error) =>
        Assert.Contains((key, error), Errors(Card(period, kpis)));

    [Fact]
    public void Options_validation_names_the_full_configuration_key()
    {
        var options = new ScorecardOptions { Agent = Card("week", ("csat_percent", 1, null, null)), Team = Card("week", ("nps", 0.5, null, null)) };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        var result = Assert.Single(results);
        Assert.Equal(["Team:Kpis"], result.MemberNames);
        Assert.Equal("the weights sum to 0.5 (nps 0.5); they must sum to 1", result.ErrorMessage);
    }
}
