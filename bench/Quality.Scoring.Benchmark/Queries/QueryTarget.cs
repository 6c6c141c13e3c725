namespace Quality.Scoring.Benchmark.Queries;

/// <summary>One kind of KPI question: over which door, for which scope and period.</summary>
public sealed record QueryTarget(string Transport, string Scope, string ScopeId, string Period)
{
    /// <summary>
    /// Every transport (grpc, http) × scope (org, a team, an agent) × period given (last_hour from Redis, day from
    /// PostgreSQL), so each client walks all of them in turn.
    /// </summary>
    public static IReadOnlyList<QueryTarget> All(string team, string agent, IReadOnlyList<string> periods) =>
        [.. from transport in new[] { "grpc", "http" }
            from period in periods
            from scope in new[] { ("org", ""), ("team", team), ("agent", agent) }
            select new QueryTarget(transport, scope.Item1, scope.Item2, period)];

    /// <summary>The row a latency is reported under.</summary>
    public string Group => $"{Transport} {Period}";
}
