namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// A KPI query's answer and where it came from: <see cref="FromRedis"/> for live windows read from Redis;
/// <see cref="Degraded"/> when a live window had to be computed from PostgreSQL because Redis was unavailable.
/// </summary>
public sealed record KpiAnswer(KpiScope Scope, KpiPeriod Period, IReadOnlyList<KpiResult> Results, bool FromRedis, bool Degraded);
