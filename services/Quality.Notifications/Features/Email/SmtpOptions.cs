using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Quality.Notifications.Features.Email;

/// <summary>
/// The SMTP server alert emails go through, section <c>Notifications:Smtp</c>. Without a <see cref="Host"/>
/// the email channel is off: rules cannot choose it. Checked at start by <see cref="SmtpOptionsValidator"/>.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Notifications:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> (port 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Set both or neither; without them the server must accept mail unauthenticated (a local relay).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>quality@example.com</c> or <c>"Quality 质量" &lt;quality@example.com&gt;</c>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>How long one message (connect, authenticate, send) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message that keeps failing temporarily is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages in flight at once, each on its own (reused) connection; mail servers limit connections per client.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>A session unused this long is closed rather than reused (servers drop idle ones after a few minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages one session carries before it is closed and a fresh one opened (servers limit this too).</summary>
    [Range(1, 10_000)]
    public int MaxMessagesPerConnection { get; set; } = 100;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
