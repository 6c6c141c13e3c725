using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MimeKit;
using Quality.Intake.Features.Email;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Fuzzing.Email;

/// <summary>
/// The MIME parser (EmailParser, HtmlText, QuoteTrimmer) against generated input: it answers an email or the
/// validation error the endpoint turns into a 400, nothing else, in bounded time; HTML never reaches the body
/// as markup or script; and what MimeKit writes comes back as it was.
/// </summary>
public sealed class EmailParserFuzzTests
{
    [Fact]
    public void Any_bytes_are_an_email_or_a_validation_error_naming_the_field()
    {
        Fuzz.Check(Prop.ForAll(Fuzz.Shrinking(EmailGen.AnyInput), raw =>
        {
            var parsed = ParseOrRefuse(raw.Bytes);
            if (parsed is not null)
            {
                Assert.Contains('@', parsed.SenderAddress);
                Assert.Equal(parsed.SenderAddress.Trim(), parsed.SenderAddress);
                Assert.Equal(parsed.Subject.Trim(), parsed.Subject);
                Assert.Equal(parsed.Body.Trim(), parsed.Body);
                Assert.False(parsed.Subject.Length == 0 && parsed.Body.Length == 0);
            }
        }), cases: 200);
    }

    /// <summary>
    /// Not shrunk: cutting a generated message apart can turn its HTML part into a plain-text one, whose markup
    /// is then rightly shown as text. For the same reason the body is checked only when MimeKit finds no plain text.
    /// </summary>
    [Fact]
    public void A_body_read_from_an_html_part_never_shows_script_style_comment_or_attribute_text()
    {
        Fuzz.Check(Prop.ForAll(EmailGen.Assembled.Select(bytes => new Raw(bytes)).ToArbitrary(), raw =>
        {
            var body = ParseOrRefuse(raw.Bytes)?.Body ?? "";
            if (string.IsNullOrWhiteSpace(MimeMessage.Load(new MemoryStream(raw.Bytes)).TextBody))
            {
                Assert.False(HtmlDocument.HiddenMarkers.Any(body.Contains), $"The body shows hidden text: {body}");
            }
        }), cases: 150);
    }

    [Fact]
    public void Html_bodies_become_exactly_their_visible_text()
    {
        Fuzz.Check(Prop.ForAll(HtmlGen.Document.ToArbitrary(), document =>
        {
            var text = HtmlText.Convert(document.Html);

            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain(HtmlDocument.HiddenMarkers, text.Contains);
            Assert.Equal(HtmlDocument.Collapse(document.Visible), HtmlDocument.Collapse(text));
        }), cases: 1_000);
    }

    [Fact]
    public void An_html_only_message_has_the_html_visible_text_as_its_body()
    {
        var documents = HtmlGen.Document.Where(d => HtmlDocument.Collapse(d.Visible).Length > 0);
        Fuzz.Check(Prop.ForAll(documents.ToArbitrary(), document =>
        {
            var parsed = ParseOrRefuse(Features.Email.RawMessage.Create(document.Html, "utf-8", contentType: "text/html"));

            Assert.NotNull(parsed);
            Assert.Equal(HtmlDocument.Collapse(document.Visible), HtmlDocument.Collapse(parsed.Body));
        }), cases: 300);
    }

    [Fact]
    public void A_message_mimekit_writes_parses_back_to_its_sender_subject_and_body()
    {
        Fuzz.Check(Prop.ForAll(EmailGen.Valid.ToArbitrary(), email =>
        {
            var parsed = ParseOrRefuse(email.Write());

            Assert.NotNull(parsed);
            Assert.Equal((email.Address, email.Name, email.Subject, email.Body), (parsed.SenderAddress, parsed.SenderName, parsed.Subject, parsed.Body));
        }), cases: 500);
    }

    [Fact]
    public void Quote_trimming_keeps_a_reply_without_history_as_it_is_and_never_throws()
    {
        var replies = Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(FuzzText.Sentence, n)).Select(lines => string.Join('\n', lines));
        Fuzz.Check(Prop.ForAll(replies.ToArbitrary(), FuzzText.AnyChars.ToArbitrary(), (reply, history) =>
        {
            Assert.Equal(reply, QuoteTrimmer.Trim(reply));
            Assert.Equal(reply, QuoteTrimmer.Trim($"{reply}\n\nOn Mon, 1 Jan 2024, Support <s@q.example> wrote:\n{history}"));
            QuoteTrimmer.Trim(history);
        }), cases: 1_000);
    }

    /// <summary>The parsed email, or null when it is refused with the error the endpoint answers as a 400 on <c>body</c>.</summary>
    private static ParsedEmail? ParseOrRefuse(byte[] raw)
    {
        try
        {
            return Fuzz.Within(() => EmailParser.ParseAsync(new MemoryStream(raw), "body", Fuzz.Cancellation), Encoding.Latin1.GetString(raw));
        }
        catch (RequestValidationException e)
        {
            Assert.Equal(["body"], e.Errors.Keys);
            return null;
        }
    }
}
