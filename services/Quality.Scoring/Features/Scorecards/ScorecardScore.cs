namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// A composite 0–100 (null when no KPI on the card had data) and its parts; the parts' contributions add up to it.
/// <see cref="WeightWithData"/> is the configured weight of the parts that had data (1 when all did).
/// </summary>
public sealed record ScorecardScore(double? Composite, double WeightWithData, IReadOnlyList<ScorecardPart> Parts);
