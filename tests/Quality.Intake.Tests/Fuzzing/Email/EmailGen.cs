using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MimeKit;

namespace Quality.Intake.Tests.Fuzzing.Email;

/// <summary>
/// Messages for the MIME parser: valid ones to round-trip, hand-assembled ones whose every part can be wrong
/// (charsets real, unknown and malformed; transfer encodings that lie; multiparts nested, unterminated or
/// without boundary; huge headers; HTML full of scripts), and those again truncated and garbled.
/// </summary>
internal static class EmailGen
{
    static EmailGen() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] RealCharsets = ["utf-8", "gb2312", "gbk", "gb18030", "big5", "iso-8859-1", "windows-1252", "shift_jis", "us-ascii"];

    private static readonly string[] OddCharsets =
        ["x-unknown", "", "utf-7", "utf-16", "utf-32", "\"gb2312\"", "gb2312; x=1", "unicode-1-1-utf-7", "../../etc/passwd", new string('k', 300), "GB_2312-80", "cp936", "x-mac-chinesetrad"];

    public static Gen<EmailCase> Valid =>
        // MimeKit writes a tab in a display name as a space; names have none.
        from name in Gen.OneOf(Gen.Constant<string?>(null), FuzzText.Sentence.Select(s => (string?)s.Replace('\t', ' ')))
        from address in Address
        from subject in FuzzText.Sentence
        from body in Body
        from html in Gen.Elements(false, true)
        let text = html ? body.Replace('\t', ' ') : body
        from charset in Gen.Elements(RealCharsets.Where(c => CanEncode(c, $"{name}{subject}{text}")).ToArray())
        from transfer in Gen.Elements(ContentEncoding.Base64, ContentEncoding.QuotedPrintable, ContentEncoding.EightBit)
        select new EmailCase(name, address, subject, text, charset, transfer, html);

    private static Gen<string> Address =>
        from local in Gen.Elements("ann", "a.lee", "x+tag", "客户", "o'brien", "under_score", "1234")
        from domain in Gen.Elements("example.com", "mail.example.cn", "q.example")
        select $"{local}@{domain}";

    /// <summary>Lines of sentences; paragraphs apart by one blank line, as the parser normalises them.</summary>
    private static Gen<string> Body =>
        Gen.Choose(1, 3).SelectMany(paragraphs => Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(lines => Gen.ArrayOf(FuzzText.Sentence, lines)), paragraphs))
            .Select(ps => string.Join("\n\n", ps.Select(lines => string.Join('\n', lines))));

    public static bool CanEncode(string charset, string text)
    {
        var strict = Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return strict.GetString(strict.GetBytes(text)) == text;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Any of the inputs a sender could post: noise, valid, hand-assembled and broken messages.</summary>
    public static Gen<byte[]> AnyInput => Gen.Frequency(
        (2, FuzzText.Bytes),
        (2, Valid.Select(v => v.Write())),
        (4, Assembled),
        (4, Gen.OneOf(Assembled, Valid.Select(v => v.Write())).SelectMany(Garbled)));

    /// <summary>A message put together header by header and part by part, each possibly wrong.</summary>
    public static Gen<byte[]> Assembled =>
        from sender in Gen.Elements(
            "From: Ann <ann@example.com>", "From: ann@example.com", "From: =?gb2312?B?zfXQobP3?= <wang@example.cn>", "From: <<<@>>>", "From: undisclosed-recipients:;",
            "From: \"no address\"", "From: =?x-unknown?Q?=FF=FE?= <a@b.c>", "Sender: s@example.com", "", "From: " + new string('a', 5_000) + "@example.com")
        from subject in Subject
        from extra in ExtraHeaders
        from entity in Gen.Sized(size => Entity(Math.Min(3, size / 20 + 1)))
        select Encoding.Latin1.GetBytes($"{sender}\r\n{subject}{extra}MIME-Version: 1.0\r\n").Concat(entity).ToArray();

    private static Gen<string> Subject => Gen.OneOf(
        FuzzText.Sentence.Select(s => $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(s))}?=\r\n"),
        Gen.Elements(RealCharsets.Concat(OddCharsets).ToArray()).SelectMany(charset => FuzzText.Sentence.Select(s =>
            $"Subject: =?{charset}?B?{Convert.ToBase64String(Bytes(charset, s))}?= =?{charset}?Q?=E4=B8=AD_x?=\r\n")),
        Gen.Elements(
            "Subject: =?utf-8?B?not base64!!?=\r\n", "Subject: =?gbk?Q?=ZZ=?=\r\n", "Subject:\r\n", "",
            "Subject: " + string.Concat(Enumerable.Repeat("folded words\r\n ", 20_000)) + "end\r\n",
            "Subject: " + new string('x', 200_000) + "\r\n",
            "Subject: \u00c4\u00e8\u00ff raw 8-bit\r\n"));

    private static Gen<string> ExtraHeaders => Gen.Elements(
        "", "To: support@quality.example\r\nMessage-ID: <abc@x>\r\n", "Message-ID: " + new string('<', 3_000) + "\r\n",
        "X-No-Colon-Here\r\n", "Date: yesterday-ish\r\n", "Reply-To: =?utf-8?B?4oCU?= <r@x.y>\r\n",
        string.Concat(Enumerable.Range(0, 5_000).Select(i => $"X-Header-{i}: value {i}\r\n")),
        "Content-Type: text/plain\r\nContent-Type: text/html\r\n");

    /// <summary>A MIME entity: its headers, a blank line and its content; multiparts hold more of them.</summary>
    private static Gen<byte[]> Entity(int depth)
    {
        var kinds = new List<(int, Gen<byte[]>)> { (5, Leaf), (1, DeepNesting) };
        if (depth > 0)
        {
            kinds.Add((4, Multipart(depth)));
            kinds.Add((1, Entity(depth - 1).Select(inner => Join("Content-Type: message/rfc822\r\n\r\nFrom: inner@example.com\r\nSubject: fwd\r\n", inner))));
        }

        return Gen.Frequency([.. kinds]);
    }

    private static Gen<byte[]> Multipart(int depth) =>
        from subtype in Gen.Elements("mixed", "alternative", "related", "digest", "signed")
        from boundary in Gen.Elements("b1", "=_part_0_123.456", "", "a b c", new string('-', 80), "\"quoted\"")
        from declared in Gen.Elements(true, true, true, false)
        from children in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Entity(depth - 1), n))
        from terminated in Gen.Elements(true, true, false)
        select Join(
            $"Content-Type: multipart/{subtype}{(declared ? $"; boundary=\"{boundary}\"" : "")}\r\n\r\npreamble\r\n",
            [.. children.SelectMany(child => Join($"--{boundary}\r\n", child, "\r\n"u8.ToArray()))],
            Encoding.ASCII.GetBytes(terminated ? $"--{boundary}--\r\nepilogue\r\n" : ""));

    /// <summary>Multiparts nested far deeper than any mail client writes.</summary>
    private static Gen<byte[]> DeepNesting => Gen.Elements(60, 1_500).Select(levels =>
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append($"Content-Type: multipart/mixed; boundary=\"n{i}\"\r\n\r\n--n{i}\r\n");
        }

        text.Append("Content-Type: text/html\r\n\r\n<p>deep</p><script>SCRIPTMARK</script>\r\n");
        for (var i = levels - 1; i >= 0; i--)
        {
            text.Append($"--n{i}--\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    });

    private static Gen<byte[]> Leaf =>
        from type in Gen.Elements("text/plain", "text/html", "text/html", "application/octet-stream", "text/plain; format=flowed", "text/enriched", "")
        from charset in Gen.Elements(RealCharsets.Concat(OddCharsets).ToArray())
        from transfer in Gen.Elements("7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "bogus", "")
        from honest in Gen.Elements(true, true, false)
        // HTML as ASCII with character references: a charset that does not fit the bytes cannot then merge a '<' into a
        // multibyte character and so turn markup into text that is rightly shown.
        from content in type.StartsWith("text/html", StringComparison.Ordinal) ? HtmlGen.Document.Select(d => Ascii(d.Html)) : FuzzText.Sentence
        select Join(
            $"{(type.Length > 0 ? $"Content-Type: {type}; charset={charset}\r\n" : "")}{(transfer.Length > 0 ? $"Content-Transfer-Encoding: {transfer}\r\n" : "")}\r\n",
            honest ? Encode(transfer, Bytes(charset, content)) : Bytes(charset, content));

    private static string Ascii(string html) =>
        string.Concat(html.EnumerateRunes().Select(r => r.Value < 128 ? r.ToString() : $"&#{r.Value};"));

    private static byte[] Encode(string transfer, byte[] content) => transfer switch
    {
        "base64" => Encoding.ASCII.GetBytes(Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)),
        "quoted-printable" => Encoding.ASCII.GetBytes(string.Concat(content.Select((b, i) =>
            (b is >= 33 and <= 126 && b != '=' ? ((char)b).ToString() : $"={b:X2}") + (i % 25 == 24 ? "=\r\n" : "")))),
        _ => content,
    };

    /// <summary>The text in the charset when .NET knows it, else in UTF-8 (the header still names the odd charset).</summary>
    private static byte[] Bytes(string charset, string text)
    {
        try
        {
            return Encoding.GetEncoding(charset).GetBytes(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }

    /// <summary>One to three cuts, flips, insertions or repeats somewhere in the message.</summary>
    private static Gen<byte[]> Garbled(byte[] message) =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Mutation, n)).Select(mutations => mutations.Aggregate(message, (m, mutate) => mutate(m)));

    private static readonly byte[][] Splices =
        [.. new[] { "\r\n", "\r\n\r\n", "--", "=?", "?=", "\0", "<script>", "Content-Type: multipart/mixed; boundary=x\r\n", "=\r\n", "\r\n.\r\n" }
            .Select(Encoding.ASCII.GetBytes), [0xFF, 0xFE, 0x80, 0xC3]];

    private static Gen<Func<byte[], byte[]>> Mutation => Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select<int, Func<byte[], byte[]>>(at => m => m[..(m.Length == 0 ? 0 : at % m.Length)]),
        Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(0, 255)).Select<(int, int), Func<byte[], byte[]>>(p => m =>
        {
            var copy = m.ToArray();
            if (copy.Length > 0)
            {
                copy[p.Item1 % copy.Length] = (byte)p.Item2;
            }

            return copy;
        }),
        Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Elements(Splices)).Select<(int, byte[]), Func<byte[], byte[]>>(p => m =>
        {
            var at = m.Length == 0 ? 0 : p.Item1 % m.Length;
            return [.. m[..at], .. p.Item2, .. m[at..]];
        }),
        Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(1, 400)).Select<(int, int), Func<byte[], byte[]>>(p => m =>
        {
            var at = m.Length == 0 ? 0 : p.Item1 % m.Length;
            var end = Math.Min(m.Length, at + p.Item2);
            return [.. m[..end], .. m[at..end], .. m[end..]];
        }));

    private static byte[] Join(string head, params byte[][] parts) => [.. Encoding.Latin1.GetBytes(head), .. parts.SelectMany(p => p)];
}
