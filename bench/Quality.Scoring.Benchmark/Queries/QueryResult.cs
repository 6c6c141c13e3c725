namespace Quality.Scoring.Benchmark.Queries;

public sealed record QueryResult(int Clients, double Seconds, int Queries, double QueriesPerSecond, IReadOnlyList<QueryRow> Rows, string LoadAfter);
