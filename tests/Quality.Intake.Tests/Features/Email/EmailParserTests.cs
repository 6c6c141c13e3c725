using Quality.Intake.Features.Email;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Features.Email;

public sealed class EmailParserTests
{
    private static Task<ParsedEmail> ParseAsync(byte[] raw) => EmailParser.ParseAsync(new MemoryStream(raw), "body", TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("gb2312", "送餐太慢了，饭菜都凉了", "投诉：订单延误")]
    [InlineData("gbk", "外卖员态度恶劣，还洒了汤", "投訴")]
    [InlineData("big5", "送餐太慢了，飯菜都涼了，非常失望", "訂單延誤")]
    [InlineData("utf-8", "送餐太慢了 — the food was cold 😞", "Late delivery 订单")]
    public async Task Bodies_and_subjects_in_chinese_charsets_decode(string charset, string body, string subject)
    {
        var parsed = await ParseAsync(RawMessage.Create(body, charset, subject));

        Assert.Equal(body, parsed.Body);
        Assert.Equal(subject, parsed.Subject);
    }

    [Fact]
    public async Task A_base64_encoded_gbk_body_decodes()
    {
        var parsed = await ParseAsync(RawMessage.Create("商品质量很差，要求退款", "gbk", base64: true));

        Assert.Equal("商品质量很差，要求退款", parsed.Body);
    }

    [Fact]
    public async Task Sender_and_message_id_are_read()
    {
        var parsed = await ParseAsync(RawMessage.Create("Hello", from: "\"Ann Lee\" <Ann@Example.com>", messageId: "abc-1"));

        Assert.Equal("Ann@Example.com", parsed.SenderAddress);
        Assert.Equal("Ann Lee", parsed.SenderName);
        Assert.Equal("abc-1@mail.example", parsed.MessageId);
    }

    [Fact]
    public async Task An_html_only_body_becomes_plain_text_without_tags_scripts_or_styles()
    {
        const string html = "<html><head><style>p{color:red}</style><title>x</title></head><body><p>The food was <b>cold</b> &amp; late.</p>"
            + "<script>alert(1)</script><div>Please refund&nbsp;me</div></body></html>";

        var parsed = await ParseAsync(RawMessage.Create(html, contentType: "text/html"));

        Assert.Equal("The food was cold & late.\n\nPlease refund me", parsed.Body);
    }

    [Fact]
    public async Task An_html_body_whose_head_is_never_closed_keeps_its_text()
    {
        const string html = "<html><head><meta charset=\"utf-8\"><style>p{}</style><body><p>The food was cold</p></body></html>";

        var parsed = await ParseAsync(RawMessage.Create(html, contentType: "text/html"));

        Assert.Equal("The food was cold", parsed.Body);
    }

    [Fact]
    public async Task Cdata_in_an_html_body_is_not_shown()
    {
        const string html = "<p>Late again</p><![CDATA[<script>alert(1)</script>]]>";

        var parsed = await ParseAsync(RawMessage.Create(html, contentType: "text/html"));

        Assert.Equal("Late again", parsed.Body);
    }

    [Fact]
    public async Task Words_in_neighbouring_table_cells_or_sections_do_not_run_together()
    {
        const string html = "<table><tr><td>送餐</td><td>太慢了</td></tr></table><section>refund</section><section>please</section>";

        var parsed = await ParseAsync(RawMessage.Create(html, contentType: "text/html"));

        Assert.Equal("送餐\n\n太慢了\n\nrefund\n\nplease", parsed.Body);
    }

    [Theory]
    [InlineData("The order never came.\n\nOn Mon, 1 Jan 2024 at 10:00, Support <s@q.example> wrote:\n> We are sorry\n> Regards")]
    [InlineData("The order never came.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nWe are sorry")]
    [InlineData("The order never came.\n> quoted line\n> another")]
    [InlineData("The order never came.\n\nOn Mon, 1 Jan 2024 at 10:00, Customer Support Team <support@q.example>\nwrote:\n> We are sorry")]
    public async Task Quoted_replies_are_trimmed(string body)
    {
        var parsed = await ParseAsync(RawMessage.Create(body));

        Assert.Equal("The order never came.", parsed.Body);
    }

    [Fact]
    public async Task A_chinese_quote_attribution_in_gb2312_is_trimmed()
    {
        const string body = "还是没有收到退款。\n\n在 2024年1月1日 周一 10:00，客服 <kf@q.example> 写道：\n> 您好，已为您处理";

        var parsed = await ParseAsync(RawMessage.Create(body, "gb2312"));

        Assert.Equal("还是没有收到退款。", parsed.Body);
    }

    [Fact]
    public async Task A_multipart_message_prefers_its_plain_text_part()
    {
        var raw = System.Text.Encoding.ASCII.GetBytes(
            "From: a@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPlain words\r\n"
            + "--b1\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<p>Html words</p>\r\n--b1--\r\n");

        var parsed = await ParseAsync(raw);

        Assert.Equal("Plain words", parsed.Body);
        Assert.Null(parsed.MessageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not an email at all")]
    [InlineData("Subject: no sender\r\n\r\nHello")]
    [InlineData("From: a@example.com\r\n\r\n")]
    public async Task Something_that_is_not_a_usable_message_is_a_validation_error_naming_the_field(string raw)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => ParseAsync(System.Text.Encoding.ASCII.GetBytes(raw)));

        Assert.True(error.Errors.ContainsKey("body"));
    }
}
