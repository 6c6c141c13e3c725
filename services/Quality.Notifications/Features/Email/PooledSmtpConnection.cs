using MailKit.Net.Smtp;

namespace Quality.Notifications.Features.Email;

/// <summary>A connected (and, when configured, authenticated) SMTP session, with what the pool needs to retire it.</summary>
public sealed class PooledSmtpConnection(SmtpClient client, DateTimeOffset openedAt)
{
    public SmtpClient Client { get; } = client;
    public DateTimeOffset OpenedAt { get; } = openedAt;
    public DateTimeOffset LastUsedAt { get; set; } = openedAt;
    public int Messages { get; set; }
}
