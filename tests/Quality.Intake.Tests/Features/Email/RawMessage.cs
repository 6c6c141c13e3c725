using System.Text;

namespace Quality.Intake.Tests.Features.Email;

/// <summary>Hand-made RFC 822 messages: ASCII headers, the body in the given charset.</summary>
internal static class RawMessage
{
    static RawMessage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Create(
        string body, string charset = "utf-8", string subject = "Order 42", string from = "Ann Lee <ann@example.com>",
        string? messageId = null, string contentType = "text/plain", bool base64 = false)
    {
        var encoding = Encoding.GetEncoding(charset);
        var subjectWord = $"=?{charset}?B?{Convert.ToBase64String(encoding.GetBytes(subject))}?=";
        var headers = new StringBuilder()
            .Append($"From: {from}\r\n")
            .Append("To: support@quality.example\r\n")
            .Append($"Subject: {subjectWord}\r\n")
            .Append($"Message-ID: <{messageId ?? Guid.NewGuid().ToString()}@mail.example>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append($"Content-Type: {contentType}; charset={charset}\r\n")
            .Append($"Content-Transfer-Encoding: {(base64 ? "base64" : "8bit")}\r\n\r\n");
        var bodyBytes = encoding.GetBytes(body.Replace("\n", "\r\n"));
        var encodedBody = base64 ? Encoding.ASCII.GetBytes(Convert.ToBase64String(bodyBytes, Base64FormattingOptions.InsertLineBreaks)) : bodyBytes;
        return [.. Encoding.ASCII.GetBytes(headers.ToString()), .. encodedBody];
    }
}
