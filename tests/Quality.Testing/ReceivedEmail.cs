using MimeKit;

namespace Quality.Testing;

/// <summary>One message as the SMTP listener took it: the envelope and the parsed MIME message.</summary>
public sealed record ReceivedEmail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);
