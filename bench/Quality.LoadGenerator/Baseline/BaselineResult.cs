using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Baseline;

/// <summary>
/// What the bare infrastructure gives on this machine: the latency of one operation at a time, and the
/// throughput with <see cref="Concurrency"/> operations in flight.
/// </summary>
public sealed record BaselineResult(string Name, string Operation, LatencySummary Latency, double SequentialPerSecond, int Concurrency, double ConcurrentPerSecond, string? Error = null)
{
    public static BaselineResult Failed(string name, string operation, string error) =>
        new(name, operation, LatencySummary.Empty, double.NaN, 0, double.NaN, error);
}
