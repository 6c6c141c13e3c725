namespace Quality.Routing.Benchmark.Measurement;

/// <summary>
/// One <c>SlaBreached</c>: the clock's due time and breach time as Routing recorded them, and when the event
/// reached this process (all on this machine's wall clock).
/// </summary>
public sealed record Breach(DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset ReceivedAt);
