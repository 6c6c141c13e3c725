namespace Quality.Scoring.Features.Leaderboards;

public sealed record LeaderboardEntry(int Rank, string AgentId, double Value, long SampleCount);
