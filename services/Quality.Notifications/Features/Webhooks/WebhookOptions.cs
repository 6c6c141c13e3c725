using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>Webhook delivery settings, section <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>Lets rules point at private and loopback addresses (single-machine setup, tests). Link-local, unspecified and multicast stay forbidden.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long one POST may take; a receiver that hangs costs one slot for this long, no more.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay after the first failure; doubles each attempt (with jitter) up to <see cref="MaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the worker looks for due deliveries when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>POSTs in flight at once, across all endpoints.</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>
    /// POSTs in flight at once to one endpoint (scheme, host, port), across replicas: a receiver that hangs can hold
    /// this many of the <see cref="MaxConcurrency"/> slots, never more, so the rest keep serving healthy endpoints.
    /// </summary>
    [Range(1, 1024)]
    public int MaxInFlightPerEndpoint { get; set; } = 8;

    /// <summary>Consecutive failures (timeout, refused connection, 5xx, 408, 429) that open an endpoint's circuit.</summary>
    [Range(1, 1000)]
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>
    /// How long an open circuit keeps its endpoint's deliveries from being claimed (they keep their attempts);
    /// then one probe is sent, and its outcome closes the circuit or opens it again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
