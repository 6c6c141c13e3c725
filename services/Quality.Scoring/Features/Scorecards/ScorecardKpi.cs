using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>A KPI on a validated scorecard: its weight (more than 0) and the raw values that normalise to 0 and 100.</summary>
public sealed record ScorecardKpi(KpiDefinition Kpi, double Weight, double Worst, double Best)
{
    /// <summary>
    /// 100 × (raw − worst) / (best − worst), clamped to 0–100. Works either way round: for a lower-is-better KPI
    /// worst is the larger bound, so a smaller raw value scores higher.
    /// </summary>
    public double Normalise(double raw) => 100 * Math.Clamp((raw - Worst) / (Best - Worst), 0, 1);
}
