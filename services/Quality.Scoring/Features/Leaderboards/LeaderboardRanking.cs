namespace Quality.Scoring.Features.Leaderboards;

/// <summary>Ranks agents from their per-field sums: best first, then more samples, then agent id; equal values share a rank.</summary>
public static class LeaderboardRanking
{
    public static IReadOnlyList<LeaderboardEntry> Rank(
        LeaderboardMetric metric, IReadOnlyDictionary<string, Dictionary<string, double>> sums, int minSamples, int limit)
    {
        var numerators = sums.GetValueOrDefault(metric.Numerator) ?? [];
        var denominators = sums.GetValueOrDefault(metric.Denominator) ?? [];
        var rows = denominators
            .Where(d => d.Value >= Math.Max(1, minSamples))
            .Select(d => (Agent: d.Key, Value: metric.ValueOf(numerators.GetValueOrDefault(d.Key), d.Value), Samples: (long)d.Value))
            .OrderBy(r => metric.LowestFirst ? r.Value : -r.Value)
            .ThenByDescending(r => r.Samples)
            .ThenBy(r => r.Agent, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

        var entries = new List<LeaderboardEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && rows[i].Value.Equals(rows[i - 1].Value) ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, rows[i].Agent, rows[i].Value, rows[i].Samples));
        }

        return entries;
    }
}
