using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Noise;

/// <summary>Per-recipient email throttling, section <c>Notifications:Noise</c>.</summary>
public sealed class NoiseOptions
{
    public const string SectionName = "Notifications:Noise";

    /// <summary>Emails one address gets on their own per window; the rest of the window's alerts wait for its digest.</summary>
    [Range(1, 10_000)]
    public int ThrottleLimit { get; set; } = 10;

    /// <summary>The throttle's fixed window (aligned to the Unix epoch, so every replica agrees on it); its digest goes out at its end.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often due digests are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan DigestPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
