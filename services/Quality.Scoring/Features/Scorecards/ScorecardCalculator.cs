using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>
/// The composite: Σ effective weight × normalised score over the KPIs that have a value, where a part's effective
/// weight is its configured weight divided by the sum of the configured weights of those KPIs. So a KPI with no
/// samples in the period neither counts as 0 nor as 100: the others share its weight in proportion.
/// </summary>
public static class ScorecardCalculator
{
    public static ScorecardScore Compute(Scorecard card, IReadOnlyList<KpiResult> kpis)
    {
        var values = kpis.ToDictionary(k => k.Definition.Name);
        var measured = card.Kpis.Select(k => (Kpi: k, Result: values.GetValueOrDefault(k.Kpi.Name))).ToList();
        var weightWithData = measured.Where(m => m.Result?.Value is not null).Sum(m => m.Kpi.Weight);

        var parts = measured.Select(m =>
        {
            if (m.Result?.Value is not { } raw)
            {
                return new ScorecardPart(m.Kpi, null, m.Result?.SampleCount ?? 0, null, 0, null);
            }

            var normalised = m.Kpi.Normalise(raw);
            var effective = m.Kpi.Weight / weightWithData;
            return new ScorecardPart(m.Kpi, raw, m.Result.SampleCount, normalised, effective, effective * normalised);
        }).ToList();

        return new ScorecardScore(weightWithData > 0 ? parts.Sum(p => p.Contribution ?? 0) : null, weightWithData, parts);
    }
}
