using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Email;

public sealed class EmailEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ByteArrayContent Mime(byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return content;
    }

    [Fact]
    public async Task An_uploaded_gb2312_complaint_is_stored_classified_and_keyed_by_message_id()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "email");
        using var channel = servers.ClientWithKey(key);
        var messageId = Guid.NewGuid().ToString();
        var raw = RawMessage.Create("送餐太慢了，饭菜都凉了，非常失望\n\n在 2024年1月1日，客服 <kf@q.example> 写道：\n> 好评如潮", "gb2312", "投诉", messageId: messageId);

        var first = await channel.PostAsync("/api/email", Mime(raw), Cancellation);
        var again = await channel.PostAsync("/api/email", Mime(raw), Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("complaint", body.GetProperty("kind").GetString());
        Assert.Equal("zh", body.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(body.GetProperty("feedbackId").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString());

        await using var connection = await servers.OpenDatabaseAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT text, subject, customer_key FROM feedback WHERE channel = 'email' AND external_id = @id";
        read.Parameters.AddWithValue("id", $"{messageId}@mail.example");
        await using var row = await read.ExecuteReaderAsync(Cancellation);
        Assert.True(await row.ReadAsync(Cancellation));
        Assert.Equal("投诉\n\n送餐太慢了，饭菜都凉了，非常失望", row.GetString(0));
        Assert.Equal("投诉", row.GetString(1));
        Assert.DoesNotContain("example.com", row.GetString(2));
        Assert.Equal(["FeedbackReceived", "ComplaintRaised"], await Outbox.TypesForAsync(servers, body.GetProperty("feedbackId").GetGuid()));
    }

    [Fact]
    public async Task The_inbound_webhook_takes_the_message_base64_encoded()
    {
        using var client = servers.Client();
        var raw = RawMessage.Create("Thank you, great service!", "big5", "Thanks");

        var response = await client.PostAsJsonAsync("/api/email/inbound", new { raw = Convert.ToBase64String(raw) }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("praise", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Broken_mime_is_a_400_with_a_clear_message_and_stores_nothing()
    {
        using var client = servers.Client();
        var messageId = Guid.NewGuid().ToString();
        var senderless = System.Text.Encoding.ASCII.GetBytes($"Subject: hi\r\nMessage-ID: <{messageId}@x>\r\n\r\nThe food was cold");

        var upload = await client.PostAsync("/api/email", Mime(senderless), Cancellation);
        var webhook = await client.PostAsJsonAsync("/api/email/inbound", new { raw = "%%% not base64" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Contains("From", (await upload.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, webhook.StatusCode);
        Assert.True((await webhook.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("raw", out _));

        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE external_id = @id";
        count.Parameters.AddWithValue("id", $"{messageId}@x");
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task An_upload_that_is_not_message_rfc822_is_refused_with_415()
    {
        using var client = servers.Client();

        var response = await client.PostAsync("/api/email", new StringContent("hello"), Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_survey_key_cannot_post_email()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "survey");
        using var channel = servers.ClientWithKey(key);

        var response = await channel.PostAsync("/api/email", Mime(RawMessage.Create("hi")), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
