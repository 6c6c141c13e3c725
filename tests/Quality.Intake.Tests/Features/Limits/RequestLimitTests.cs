using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Quality.Intake.Tests.Features.Email;
using Quality.Intake.Tests.Features.Imports;

namespace Quality.Intake.Tests.Features.Limits;

public sealed class RequestLimitTests(IntakeServers servers, KestrelIntake kestrel) : IClassFixture<KestrelIntake>
{
    private const long JsonBytes = 256 * 1024;
    private const long TranscriptBytes = 2 * 1024 * 1024;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, long> JsonChannels => new()
    {
        { "/api/feedback", "Intake:Limits:JsonBytes", JsonBytes },
        { "/api/surveys", "Intake:Limits:JsonBytes", JsonBytes },
        { "/api/webhooks/reviews/google", "Intake:Limits:JsonBytes", JsonBytes },
        { "/api/transcripts/call", "Intake:Limits:TranscriptBytes", TranscriptBytes },
        { "/api/feedback/batch", "Intake:Limits:BatchBytes", KestrelIntake.BatchBytes },
        { "/api/email/inbound", "Intake:Limits:EmailBytes", KestrelIntake.EmailBytes / 3 * 4 + 64 * 1024 },
    };

    [Theory]
    [MemberData(nameof(JsonChannels))]
    public async Task A_body_over_the_channel_limit_is_a_413_naming_it_sized_or_chunked_and_the_service_keeps_serving(string path, string key, long limit)
    {
        using var client = kestrel.Client();
        var externalId = Guid.NewGuid().ToString("N");
        // Valid JSON that starts like a real request, padded past the limit.
        var body = Encoding.UTF8.GetBytes($"{{\"externalId\":\"{externalId}\",\"padding\":\"{new string('a', (int)limit)}\"}}");

        var sized = await client.PostAsync(path, Json(new ByteArrayContent(body)), Cancellation);
        var chunked = await client.PostAsync(path, Json(new StreamContent(new UnseekableStream(body))), Cancellation);

        foreach (var response in new[] { sized, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.Equal(413, problem.GetProperty("status").GetInt32());
            Assert.Contains($"{limit:N0} bytes", problem.GetProperty("detail").GetString());
            Assert.Contains(key, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0L, await CountAsync(externalId));
        var after = await client.PostAsJsonAsync("/api/feedback", new { text = "Still serving?" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task A_raw_email_or_a_bulk_file_over_its_limit_is_a_413_naming_it()
    {
        using var client = kestrel.Client();
        var messageId = Guid.NewGuid().ToString();
        var email = RawMessage.Create(new string('x', (int)KestrelIntake.EmailBytes), messageId: messageId);
        var file = Encoding.UTF8.GetBytes("text\n" + string.Concat(Enumerable.Repeat("a line of feedback\n", (int)KestrelIntake.ImportBytes / 19 + 1)));

        var responses = new[]
        {
            (await client.PostAsync("/api/email", Typed(new ByteArrayContent(email), "message/rfc822"), Cancellation), "Intake:Limits:EmailBytes"),
            (await client.PostAsync("/api/email", Typed(new StreamContent(new UnseekableStream(email)), "message/rfc822"), Cancellation), "Intake:Limits:EmailBytes"),
            (await client.PostAsync("/api/imports", Typed(new ByteArrayContent(file), "text/csv"), Cancellation), "Intake:Import:MaxUploadBytes"),
            (await client.PostAsync("/api/imports", Typed(new StreamContent(new UnseekableStream(file)), "text/csv"), Cancellation), "Intake:Import:MaxUploadBytes"),
        };

        foreach (var (response, key) in responses)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains(key, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString());
        }

        var fits = await client.PostAsync("/api/email", Typed(new ByteArrayContent(RawMessage.Create("The courier was rude")), "message/rfc822"), Cancellation);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
    }

    [Fact]
    public async Task The_largest_valid_item_and_transcript_fit_the_default_limits_even_json_escaped()
    {
        using var client = kestrel.Client();
        // System.Text.Json escapes every Chinese character as \uXXXX: six bytes for one character.
        var longest = string.Concat(Enumerable.Repeat("送餐太慢了，饭菜都凉了。", 20_000 / 12)).PadRight(20_000, '慢');
        var turns = Enumerable.Range(0, 20).Select(i => new { role = i % 2 == 0 ? "customer" : "agent", text = longest[..10_000] }).ToArray();

        var item = await client.PostAsync("/api/feedback", JsonContent.Create(new { text = longest }), Cancellation);
        var transcript = await client.PostAsync("/api/transcripts/chat", JsonContent.Create(new { turns }), Cancellation);

        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        Assert.Equal(HttpStatusCode.Created, transcript.StatusCode);
        Assert.InRange(await LengthAsync(new { text = longest }), 100_000, JsonBytes);
        Assert.InRange(await LengthAsync(new { turns }), 1_000_000, TranscriptBytes);
    }

    [Fact]
    public async Task A_field_over_its_text_limit_is_a_400_naming_the_field_on_every_channel()
    {
        using var client = kestrel.Client();
        var tooLong = new string('a', 20_001);
        var externalId = Guid.NewGuid().ToString("N");

        var cases = new (string Path, object Body, string Field)[]
        {
            ("/api/feedback", new { externalId, text = tooLong }, "text"),
            ("/api/feedback", new { externalId, text = "ok", customerName = new string('n', 201) }, "customerName"),
            ("/api/surveys", new { externalId, type = "csat", score = 1, comment = tooLong }, "comment"),
            ("/api/transcripts/call", new { externalId, turns = new[] { new { role = "customer", text = new string('t', 10_001) } } }, "turns[0].text"),
            ("/api/webhooks/reviews/google", new { review = new { reviewId = externalId, starRating = "ONE", comment = tooLong } }, "$.review.comment"),
            ("/api/feedback/batch", new { items = new[] { new { externalId, text = tooLong } } }, "text"),
            ("/api/admin/customer-erasures", new { customerId = new string('c', 201) }, "customerId"),
        };

        foreach (var (path, body, field) in cases)
        {
            var response = await client.PostAsJsonAsync(path, body, Cancellation);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            var errors = path.EndsWith("/batch", StringComparison.Ordinal)
                ? answer.GetProperty("items")[0].GetProperty("errors")
                : answer.GetProperty("errors");
            Assert.True(response.StatusCode == (path.EndsWith("/batch", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.BadRequest), $"{path}: {response.StatusCode}");
            Assert.True(errors.TryGetProperty(field, out _), $"{path}: expected an error on {field}, got {errors}");
        }

        Assert.Equal(0L, await CountAsync(externalId));
        Assert.Equal(0L, await CountAsync($"google:{externalId}"));
    }

    private static HttpContent Json(HttpContent content) => Typed(content, "application/json");

    private static HttpContent Typed(HttpContent content, string mediaType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static async Task<long> LengthAsync(object body) => (await JsonContent.Create(body).ReadAsByteArrayAsync(Cancellation)).LongLength;

    private async Task<long> CountAsync(string externalId)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE external_id = @id";
        count.Parameters.AddWithValue("id", externalId);
        return (long)(await count.ExecuteScalarAsync(Cancellation))!;
    }
}
