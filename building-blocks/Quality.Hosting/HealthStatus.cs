namespace Quality.Hosting;

/// <summary>The last answer of a resource's health check.</summary>
public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
