namespace Quality.Notifications.Benchmark.Reporting;

/// <summary>
/// What the service recorded for one rule's deliveries when the stage ended: how many it queued, delivered,
/// still holds pending (retrying or held back by the endpoint's open circuit), dead-lettered, and its attempts.
/// </summary>
public sealed record RuleOutcome(string Receiver, int Deliveries, int Delivered, int Pending, int Dead, int Attempts, int FailedAttempts);
