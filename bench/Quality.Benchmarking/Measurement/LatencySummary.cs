namespace Quality.Benchmarking.Measurement;

/// <summary>Latency percentiles in milliseconds (nearest rank: always a value that occurred).</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}
