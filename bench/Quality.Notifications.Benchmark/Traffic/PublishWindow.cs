namespace Quality.Notifications.Benchmark.Traffic;

/// <summary>
/// What a stage's publisher did: events published in the measured window (after warm-up), the window's bounds on
/// the monotonic clock, publishes the broker refused, and how far the publisher fell behind its schedule.
/// </summary>
public sealed record PublishWindow(int Measured, int Warmup, long WindowStart, long WindowEnd, int Failed, double MaxLagMs, string? LastError)
{
    public double Seconds => Clock.MillisecondsBetween(WindowStart, WindowEnd) / 1000;

    public double EventsPerSecond => Seconds > 0 ? Measured / Seconds : double.NaN;
}
