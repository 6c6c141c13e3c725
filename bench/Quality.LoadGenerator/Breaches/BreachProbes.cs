namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// Which items probe breach → webhook: <see cref="Share"/> of the single API items carry <see cref="CustomerTier"/>,
/// which only the run's short SLA policy matches; their complaints are followed by <see cref="Tracker"/>.
/// </summary>
public sealed record BreachProbes(string CustomerTier, double Share, BreachTracker Tracker);
