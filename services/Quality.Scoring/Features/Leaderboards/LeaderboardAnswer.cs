using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Leaderboards;

public sealed record LeaderboardAnswer(
    LeaderboardMetric Metric, KpiScope Board, KpiPeriod Period, IReadOnlyList<LeaderboardEntry> Entries, bool FromRedis, bool Degraded);
