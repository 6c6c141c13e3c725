using System.Text;

namespace Quality.LoadGenerator.Traffic;

/// <summary>Builds a plain RFC 822 message with a UTF-8 subject and body, as a mail server would hand it over.</summary>
public static class RawEmail
{
    public static byte[] Build(string messageId, string fromAddress, string subject, string body, DateTimeOffset date)
    {
        var text = new StringBuilder()
            .Append("From: Customer <").Append(fromAddress).Append(">\r\n")
            .Append("To: support@quality.example\r\n")
            .Append("Subject: =?UTF-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))).Append("?=\r\n")
            .Append("Date: ").Append(date.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(messageId).Append(">\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(body), Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
