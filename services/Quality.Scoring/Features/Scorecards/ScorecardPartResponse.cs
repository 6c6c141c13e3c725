namespace Quality.Scoring.Features.Scorecards;

/// <summary>One KPI's share of a scorecard, as <c>/api/scorecards</c> answers it.</summary>
public sealed record ScorecardPartResponse(
    string Kpi, string Unit, double? Value, long SampleCount, double Worst, double Best, double? Normalised,
    double Weight, double EffectiveWeight, double? Contribution, string? Note)
{
    public const string NoData = "no samples in the period: left out, its weight shared in proportion among the KPIs with data";

    public static ScorecardPartResponse From(ScorecardPart part) => new(
        part.Definition.Kpi.Name, part.Definition.Kpi.Unit, part.Value, part.SampleCount, part.Definition.Worst, part.Definition.Best,
        part.Normalised, part.Definition.Weight, part.EffectiveWeight, part.Contribution, part.Value is null ? NoData : null);
}
