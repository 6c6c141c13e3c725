using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// One KPI's share of a composite. <see cref="Value"/> null: no samples in the period, so it has no
/// <see cref="Normalised"/> score, an <see cref="EffectiveWeight"/> of 0 and its weight went to the other parts.
/// </summary>
public sealed record ScorecardPart(
    ScorecardKpi Definition, double? Value, long SampleCount, double? Normalised, double EffectiveWeight, double? Contribution);
