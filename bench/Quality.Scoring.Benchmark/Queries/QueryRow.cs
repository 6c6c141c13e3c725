namespace Quality.Scoring.Benchmark.Queries;

/// <summary>Latencies of one transport and period, and where the answers came from.</summary>
public sealed record QueryRow(string Group, LatencySummary Latency, int Redis, int Postgres, int Degraded, int Errors, string? LastError);
