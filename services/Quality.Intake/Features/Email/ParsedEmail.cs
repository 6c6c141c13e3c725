namespace Quality.Intake.Features.Email;

/// <param name="MessageId">The Message-ID header, the email's external id; null when the sender set none.</param>
/// <param name="Body">Plain text, HTML stripped, quoted replies trimmed.</param>
public sealed record ParsedEmail(string? MessageId, string SenderAddress, string? SenderName, string Subject, string Body);
