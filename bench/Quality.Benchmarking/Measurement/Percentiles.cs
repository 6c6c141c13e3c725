namespace Quality.Benchmarking.Measurement;

/// <summary>Nearest-rank percentiles, the definition Scoring uses too (docs/kpis.md).</summary>
public static class Percentiles
{
    /// <summary>Of the n values sorted ascending, the ⌈p·n⌉-th (the first for p = 0).</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static LatencySummary Summarize(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0
            ? LatencySummary.Empty
            : new LatencySummary(sorted.Length, NearestRank(sorted, 0.50), NearestRank(sorted, 0.90), NearestRank(sorted, 0.99), sorted[^1], sorted.Average());
    }
}
