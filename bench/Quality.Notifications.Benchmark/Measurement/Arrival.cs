namespace Quality.Notifications.Benchmark.Measurement;

/// <summary>A first delivery of an event at a healthy receiver, with its latency from publishing.</summary>
public sealed record Arrival(Guid EventId, int Receiver, long PublishedAt, long ArrivedAt, bool Measured)
{
    public double LatencyMs => Clock.MillisecondsBetween(PublishedAt, ArrivedAt);
}
