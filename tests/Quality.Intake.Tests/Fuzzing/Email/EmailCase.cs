using System.Net;
using System.Text;
using MimeKit;

namespace Quality.Intake.Tests.Fuzzing.Email;

/// <summary>A valid email to round-trip: MimeKit writes it in a charset that can encode every part of it.</summary>
internal sealed record EmailCase(string? Name, string Address, string Subject, string Body, string Charset, ContentEncoding Transfer, bool Html)
{
    public byte[] Write()
    {
        var encoding = Encoding.GetEncoding(Charset);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(encoding, Name, Address));
        message.To.Add(new MailboxAddress("Support", "support@quality.example"));
        message.Headers.Replace(HeaderId.Subject, encoding, Subject);
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example");
        var part = new TextPart(Html ? "html" : "plain") { ContentTransferEncoding = Transfer };
        part.SetText(encoding, Html ? AsHtml(Body) : Body);
        message.Body = part;
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>Paragraphs as &lt;p&gt;, lines as &lt;br&gt;: the text that HTML shows is the body again.</summary>
    private static string AsHtml(string body) =>
        "<html><body>" + string.Concat(body.Split("\n\n").Select(p => $"<p>{string.Join("<br>", p.Split('\n').Select(WebUtility.HtmlEncode))}</p>")) + "</body></html>";

    public override string ToString() =>
        $"From {Name} <{Address}>, {Charset}, {Transfer}, {(Html ? "html" : "plain")}, subject [{Subject}], body [{Body}]";
}
