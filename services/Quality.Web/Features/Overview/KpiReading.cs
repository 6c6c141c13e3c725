namespace Quality.Web.Features.Overview;

/// <summary>One KPI's value as Scoring reported it; no value when there was nothing to measure.</summary>
public sealed record KpiReading(string Name, double? Value, long SampleCount, string Unit);
