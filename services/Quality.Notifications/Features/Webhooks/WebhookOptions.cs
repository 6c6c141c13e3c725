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

    /// <summary>Failures within <see cref="BreakerSamplingDuration"/> before an endpoint's circuit may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 5;

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.8;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit holds its endpoint's deliveries back (they are deferred, not failed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
