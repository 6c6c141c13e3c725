namespace Quality.Scoring.Features.Scorecards;

/// <summary>A validated scorecard: its name (agent or team), default period and KPIs in <c>KpiDefinitions.All</c> order.</summary>
public sealed record Scorecard(string Name, string Period, IReadOnlyList<ScorecardKpi> Kpis);
