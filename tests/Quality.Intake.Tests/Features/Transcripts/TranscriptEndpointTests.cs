using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Transcripts;

public sealed class TranscriptEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_is_classified_on_the_customers_turns_and_stored_with_every_turn()
    {
        using var client = servers.Client();
        var start = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        object[] turns =
        [
            new { role = "agent", text = "Thank you for calling, how can I help? Happy to help, great to hear from you.", at = start },
            new { role = "customer", text = "送餐太慢了，饭菜都凉了，非常失望", at = start.AddSeconds(20) },
            new { role = "agent", text = "Thank you, I am happy to sort this out, great patience.", at = start.AddSeconds(45) },
            new { role = "customer", text = "我要退款", at = start.AddSeconds(60) },
        ];

        var response = await client.PostAsJsonAsync("/api/transcripts/call", new { externalId = $"call-{Guid.NewGuid()}", turns }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("complaint", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("sentiment").GetDouble() < 0);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{body.GetProperty("feedbackId").GetString()}", Cancellation);
        Assert.Equal("call", read.GetProperty("channel").GetString());
        Assert.Equal("送餐太慢了，饭菜都凉了，非常失望\n我要退款", read.GetProperty("text").GetString());
        var stored = read.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["agent", "customer", "agent", "customer"], stored.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal("Thank you, I am happy to sort this out, great patience.", stored[2].GetProperty("text").GetString());
        Assert.Equal(start.AddSeconds(20), stored[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(start, read.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(["FeedbackReceived", "ComplaintRaised"], await Outbox.TypesForAsync(servers, body.GetProperty("feedbackId").GetGuid()));
    }

    [Fact]
    public async Task An_agents_apology_does_not_make_a_happy_chat_a_complaint()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "chat");
        using var channel = servers.ClientWithKey(key);
        object[] turns =
        [
            new { role = "agent", text = "Sorry, terrible delay on our side, awful week, very bad of us." },
            new { role = "customer", text = "No worries, the food was delicious and the courier was friendly. Thanks!" },
        ];

        var response = await channel.PostAsJsonAsync("/api/transcripts/chat", new { turns }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("praise", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("sentiment").GetDouble() > 0);
    }

    [Fact]
    public async Task A_transcript_without_a_customer_turn_is_a_400_naming_turns_and_stores_nothing()
    {
        using var client = servers.Client();
        var externalId = $"call-{Guid.NewGuid()}";

        var response = await client.PostAsJsonAsync("/api/transcripts/call",
            new { externalId, turns = new[] { new { role = "agent", text = "Hello? Anyone there?" } } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        Assert.Contains("customer", errors.GetProperty("turns")[0].GetString());
        Assert.Equal(0L, await CountAsync(externalId));
    }

    [Fact]
    public async Task Bad_turns_are_named_by_index_and_field()
    {
        using var client = servers.Client();
        var at = DateTimeOffset.UtcNow;
        object?[] turns =
        [
            new { role = "customer", text = "  " },
            new { role = "supervisor", text = "Hi" },
            new { role = "customer", text = "Late again", at },
            new { role = "agent", text = "Sorry", at = at.AddMinutes(-1) },
            null,
        ];

        var response = await client.PostAsJsonAsync("/api/transcripts/call", new { turns }, Cancellation);
        var missing = await client.PostAsJsonAsync("/api/transcripts/call", new { externalId = "x" }, Cancellation);
        var wrongType = await client.PostAsync("/api/transcripts/call",
            new StringContent("""{"turns":[{"role":"customer","text":"late","at":"yesterday"}]}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        Assert.Equal(["turns[0].text", "turns[1].role", "turns[3].at", "turns[4]"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("turns", out _));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("turns[0].at", out _));
    }

    [Fact]
    public async Task A_chat_key_cannot_post_a_call_and_a_resubmitted_call_answers_the_original()
    {
        var (_, chatKey) = await TestKeys.CreateAsync(servers, "chat");
        var (_, callKey) = await TestKeys.CreateAsync(servers, "call");
        using var chat = servers.ClientWithKey(chatKey);
        using var call = servers.ClientWithKey(callKey);
        var transcript = new { externalId = $"call-{Guid.NewGuid()}", turns = new[] { new { role = "customer", text = "Where is my order?" } } };

        var refused = await chat.PostAsJsonAsync("/api/transcripts/call", transcript, Cancellation);
        var first = await call.PostAsJsonAsync("/api/transcripts/call", transcript, Cancellation);
        var again = await call.PostAsJsonAsync("/api/transcripts/call", transcript, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var original = await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("inquiry", original.GetProperty("kind").GetString());
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        Assert.Equal(original.GetProperty("feedbackId").GetString(), duplicate.GetProperty("feedbackId").GetString());
        Assert.Equal(1L, await CountAsync(transcript.externalId));
    }

    private async Task<long> CountAsync(string externalId)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE external_id = @id";
        count.Parameters.AddWithValue("id", externalId);
        return (long)(await count.ExecuteScalarAsync(Cancellation))!;
    }
}
