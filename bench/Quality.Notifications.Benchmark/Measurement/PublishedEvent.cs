namespace Quality.Notifications.Benchmark.Measurement;

/// <summary>A triggering event as published: its stage, when (this process's monotonic clock), and whether it counts (not warm-up).</summary>
public sealed record PublishedEvent(Guid EventId, int Stage, long PublishedAt, bool Measured);
