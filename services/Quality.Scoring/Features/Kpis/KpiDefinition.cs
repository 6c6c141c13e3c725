namespace Quality.Scoring.Features.Kpis;

/// <summary>A KPI's name, unit and formula, as the API reports them next to the value.</summary>
public sealed record KpiDefinition(string Name, string Unit, string Formula);
