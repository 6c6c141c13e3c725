namespace Quality.Scoring.Features.Kpis;

/// <summary>One KPI's value (null when there was nothing to measure) and the number of items it was computed from.</summary>
public sealed record KpiResult(KpiDefinition Definition, double? Value, long SampleCount);
