using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Feedback;

public sealed class BatchEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_answers_per_item_and_one_bad_item_does_not_reject_the_others()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid();
        object[] items =
        [
            new { externalId = $"{run}-0", text = "送餐太慢了，饭菜都凉了，非常失望" },
            new { externalId = $"{run}-1", text = "" },
            new { externalId = $"{run}-2", text = "Lovely food, thank you" },
            new { externalId = $"{run}-0", text = "送餐太慢了，饭菜都凉了，非常失望" },
        ];

        var response = await client.PostAsJsonAsync("/api/feedback/batch", new { items }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var results = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.False(results[0].GetProperty("duplicate").GetBoolean());
        Assert.Equal("complaint", results[0].GetProperty("kind").GetString());
        Assert.True(results[1].GetProperty("errors").TryGetProperty("text", out _));
        Assert.False(results[1].TryGetProperty("feedbackId", out _));
        Assert.False(results[2].GetProperty("duplicate").GetBoolean());
        Assert.True(results[3].GetProperty("duplicate").GetBoolean());
        Assert.Equal(results[0].GetProperty("feedbackId").GetString(), results[3].GetProperty("feedbackId").GetString());
        Assert.Equal((2, 1, 1), (body.GetProperty("stored").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("rejected").GetInt32()));

        var complaintId = results[0].GetProperty("feedbackId").GetGuid();
        Assert.Equal(["FeedbackReceived", "ComplaintRaised"], await Outbox.TypesForAsync(servers, complaintId));
    }

    [Fact]
    public async Task Items_already_stored_answer_their_original_id()
    {
        using var client = servers.Client();
        var externalId = $"single-then-batch-{Guid.NewGuid()}";
        var single = await (await client.PostAsJsonAsync("/api/feedback", new { externalId, text = "Where is my order?" }, Cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        var batch = await (await client.PostAsJsonAsync("/api/feedback/batch", new { items = new[] { new { externalId, text = "Where is my order?" } } }, Cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        var result = batch.GetProperty("items")[0];
        Assert.True(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal(single.GetProperty("feedbackId").GetString(), result.GetProperty("feedbackId").GetString());
    }

    [Fact]
    public async Task Concurrent_overlapping_batches_store_each_external_id_once()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid();
        var items = Enumerable.Range(0, 50).Select(i => new { externalId = $"{run}-{i}", text = $"The parcel {i} arrived late" }).ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/api/feedback/batch", new { items }, Cancellation)));

        var ids = new List<string>[items.Length];
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var result in (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("items").EnumerateArray())
            {
                (ids[result.GetProperty("index").GetInt32()] ??= []).Add(result.GetProperty("feedbackId").GetString()!);
            }
        }

        Assert.All(ids, copies => Assert.Single(copies.Distinct()));
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE external_id LIKE @run";
        count.Parameters.AddWithValue("run", $"{run}-%");
        Assert.Equal(50L, await count.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_a_wrong_type_names_the_item_field()
    {
        using var client = servers.Client();

        var malformed = await client.PostAsync("/api/feedback/batch", new StringContent("{\"items\": [", System.Text.Encoding.UTF8, "application/json"), Cancellation);
        var wrongType = await client.PostAsync("/api/feedback/batch", new StringContent("""{"items":[{"text":"ok"},{"text":42}]}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("items[1].text", out _));
    }

    [Fact]
    public async Task Over_a_thousand_items_is_a_400_naming_items()
    {
        using var client = servers.Client();
        var items = Enumerable.Range(0, 1001).Select(i => new { text = "x" }).ToArray();

        var response = await client.PostAsJsonAsync("/api/feedback/batch", new { items }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task A_full_batch_of_a_thousand_is_stored()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid();
        var items = Enumerable.Range(0, 1000).Select(i => new { externalId = $"{run}-{i}", text = $"商品质量很好，第{i}次购买" }).ToArray();

        var response = await client.PostAsJsonAsync("/api/feedback/batch", new { items }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("stored").GetInt32());
    }
}
