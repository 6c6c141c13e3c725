namespace Quality.Notifications.Benchmark.Setup;

/// <summary>A rule the run created, with the webhook secret the API returns once.</summary>
public sealed record CreatedRule(Guid Id, string Secret);
