using Quality.Contracts;

namespace Quality.Scoring.Benchmark.Traffic;

/// <summary>One event to publish, with the instant it happened (events are published in that order).</summary>
public sealed record PlannedEvent(IntegrationEvent Event, DateTimeOffset At);
