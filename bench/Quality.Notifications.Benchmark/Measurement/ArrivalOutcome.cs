namespace Quality.Notifications.Benchmark.Measurement;

/// <summary>
/// First: the first request for this event at this receiver. Duplicate: a later one (the same alert resent, or a
/// second alert for the event). Unknown: an event this run never published (another run's leftovers).
/// </summary>
public enum ArrivalOutcome
{
    First,
    Duplicate,
    Unknown,
}
