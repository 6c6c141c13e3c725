using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Scorecards;

/// <summary>A scope's scorecard over a period, with where its KPIs came from (see <see cref="KpiAnswer"/>).</summary>
public sealed record ScorecardAnswer(Scorecard Card, KpiAnswer Kpis, ScorecardScore Score);
