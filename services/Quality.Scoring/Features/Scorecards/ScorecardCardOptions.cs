namespace Quality.Scoring.Features.Scorecards;

/// <summary>One scorecard as configured (<c>Scoring:Scorecards:{card}</c>).</summary>
public sealed class ScorecardCardOptions
{
    /// <summary>The period a query without <c>period</c> or <c>from</c>/<c>to</c> covers: day, week, month, last_hour or last_24h.</summary>
    public string Period { get; set; } = "week";

    /// <summary>KPI name → weight and normalisation bounds.</summary>
    public Dictionary<string, ScorecardKpiOptions> Kpis { get; set; } = [];
}
