namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>A stage's events, in the order they happened, and what each team's live KPIs must show once all are folded.</summary>
public sealed record TrafficPlan(IReadOnlyList<PlannedEvent> Events, IReadOnlyDictionary<string, ScopeCounts> ExpectedByTeam, int Cases)
{
    public ScopeCounts ExpectedTotal => ExpectedByTeam.Values.Aggregate(ScopeCounts.Zero, (sum, c) => sum + c);

    /// <summary>Events per type name, for the report.</summary>
    public IReadOnlyDictionary<string, int> EventsByType =>
        Events.GroupBy(e => e.Event.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
