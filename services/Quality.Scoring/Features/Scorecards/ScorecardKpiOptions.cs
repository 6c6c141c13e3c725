namespace Quality.Scoring.Features.Scorecards;

/// <summary>One KPI on a scorecard as configured (<c>Scoring:Scorecards:{card}:Kpis:{kpi}</c>).</summary>
public sealed class ScorecardKpiOptions
{
    /// <summary>Share of the composite; the card's weights sum to 1. 0 leaves the KPI out (a later configuration layer can remove a KPI that way).</summary>
    public double Weight { get; set; }

    /// <summary>The raw value that normalises to 0. Default: the KPI's worst possible value (its minimum, or its maximum when lower is better).</summary>
    public double? Worst { get; set; }

    /// <summary>The raw value that normalises to 100. Default: the KPI's best possible value.</summary>
    public double? Best { get; set; }
}
