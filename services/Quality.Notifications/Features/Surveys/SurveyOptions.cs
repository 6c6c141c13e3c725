using System.ComponentModel.DataAnnotations;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Survey invitations to customers after their case is resolved, section <c>Notifications:Surveys</c>. On by
/// default only when a <see cref="LinkKey"/> is configured: without the key Intake shares, no link could be
/// verified, so an install that never set one up sends nothing rather than failing to start. Checked at
/// start by <see cref="SurveyOptionsValidator"/>.
/// </summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Notifications:Surveys";

    /// <summary>Intake's discovered public HTTP address, used when <see cref="LinkBaseUrl"/> is empty.</summary>
    public const string IntakeHttpKey = "services:intake:http:0";

    /// <summary>Unset: on exactly when <see cref="LinkKey"/> is set. True without a key fails at start.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How long after the resolution the invitation goes out, so a quick reopening can still cancel it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The share of resolved cases whose customer is invited, 0 to 1; chosen by case id, so replicas agree.</summary>
    [Range(0.0, 1.0)]
    public double SampleRate { get; set; } = 1.0;

    /// <summary>No second invitation to the same customer (by customer key) within this time of the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromDays(30);

    /// <summary><c>csat</c>, <c>nps</c> or <c>ces</c>.</summary>
    public string SurveyType { get; set; } = "csat";

    /// <summary>How long a link stays valid from the moment it is sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Base64 of at least 32 random bytes; Intake verifies links with the same key.</summary>
    public string? LinkKey { get; set; }

    /// <summary>Where customers reach Intake, e.g. <c>https://feedback.example.com</c>; empty: Intake's discovered address.</summary>
    public string? LinkBaseUrl { get; set; }

    /// <summary>How often due invitations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long one contact look-up at Intake may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ContactTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after Intake could not be reached; it doubles (with jitter) up to <see cref="RetryMaxDelay"/>, and never gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    public bool IsEnabled => Enabled ?? !string.IsNullOrWhiteSpace(LinkKey);

    /// <summary>The decoded key; only valid once the options were validated.</summary>
    public byte[] LinkKeyBytes() => Convert.FromBase64String(LinkKey ?? "");
}
