using System.Diagnostics;

namespace Quality.Benchmarking.Measurement;

/// <summary>Monotonic timestamps: every latency is measured on this process's clock, never across machines' clocks.</summary>
public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double MillisecondsSince(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    public static double MillisecondsBetween(long start, long end) => Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
}
