using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveFeed;

/// <summary>
/// What a feed subscriber is sent: every KPI (<see cref="Snapshot"/>) or only those that changed, read at
/// <see cref="AsOf"/> for <see cref="Period"/>, from Redis or (degraded) PostgreSQL.
/// </summary>
public sealed record KpiFeedUpdate(bool Snapshot, KpiPeriod Period, IReadOnlyList<KpiResult> Kpis, DateTimeOffset AsOf, bool FromRedis, bool Degraded);
