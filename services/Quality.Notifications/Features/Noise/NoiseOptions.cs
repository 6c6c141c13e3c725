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

    /// <summary>
    /// The longest a business calendar's answer from Routing is kept (it is dropped sooner, when the calendar next
    /// opens or closes): how long an edit of the calendar may take to reach quiet hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CalendarCacheMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a question to Routing may take before quiet hours on the calendar are ignored (email goes now).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan CalendarTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After Routing failed to answer for a calendar, how long emails go without asking it again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CalendarRetryAfterFailure { get; set; } = TimeSpan.FromSeconds(10);
}
