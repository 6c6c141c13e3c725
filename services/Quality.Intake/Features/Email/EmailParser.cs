using System.Text;
using MimeKit;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Reads a raw RFC 822 message with MimeKit: sender, subject, the plain-text body (or the HTML body turned
/// into text), quoted history trimmed. Charsets such as GB2312, GBK and Big5 decode through the code-page
/// provider, which .NET does not register by itself. Anything that is not a usable message is a 400 naming
/// <c>field</c>, so nothing is stored from it.
/// </summary>
public static class EmailParser
{
    static EmailParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<ParsedEmail> ParseAsync(Stream raw, string field, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(raw, cancellationToken);
        }
        catch (FormatException e)
        {
            throw new RequestValidationException(field, $"is not a MIME message: {e.Message}");
        }

        var sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (sender is null || string.IsNullOrWhiteSpace(sender.Address) || !sender.Address.Contains('@'))
        {
            throw new RequestValidationException(field, "is not a usable email: it has no From address");
        }

        var body = QuoteTrimmer.Trim(BodyText(message) ?? "");
        var subject = (message.Subject ?? "").Trim();
        if (body.Length == 0 && subject.Length == 0)
        {
            throw new RequestValidationException(field, "is not a usable email: it has neither a subject nor a text body");
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim();
        return new ParsedEmail(messageId, sender.Address.Trim(), string.IsNullOrWhiteSpace(sender.Name) ? null : sender.Name, subject, body);
    }

    private static string? BodyText(MimeMessage message)
    {
        if (message.TextBody is { } text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        return message.HtmlBody is { } html ? HtmlText.Convert(html) : null;
    }
}
