using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Reviews;

public sealed class ReviewWebhookTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_star_google_review_is_a_complaint_read_through_its_mapping()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "review");
        using var channel = servers.ClientWithKey(key);
        var reviewId = Guid.NewGuid().ToString("N");
        var payload = new
        {
            name = "accounts/1/locations/2",
            review = new
            {
                reviewId,
                reviewer = new { displayName = "王小明" },
                starRating = "ONE",
                comment = "送餐太慢了，饭菜都凉了",
                createTime = "2026-03-01T08:15:00Z",
            },
        };

        var response = await channel.PostAsJsonAsync("/api/webhooks/reviews/google", payload, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("complaint", body.GetProperty("kind").GetString());
        Assert.Equal("delivery", body.GetProperty("category").GetString());
        var read = await ReadAsync(body);
        Assert.Equal("review", read.GetProperty("channel").GetString());
        Assert.Equal("google", read.GetProperty("source").GetString());
        Assert.Equal($"google:{reviewId}", read.GetProperty("externalId").GetString());
        Assert.Equal((1.0, 1.0, 5.0), (read.GetProperty("rating").GetDouble(), read.GetProperty("ratingMin").GetDouble(), read.GetProperty("ratingMax").GetDouble()));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 15, 0, TimeSpan.Zero), read.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(["FeedbackReceived", "ComplaintRaised"], await Outbox.TypesForAsync(servers, body.GetProperty("feedbackId").GetGuid()));
    }

    [Fact]
    public async Task A_differently_shaped_source_maps_its_own_paths_scale_and_unix_times()
    {
        using var client = servers.Client();
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        var payload = new
        {
            data = new Dictionary<string, object>
            {
                ["id"] = id,
                ["score"] = 9,
                ["ts"] = 1_772_000_000,
                ["lang"] = "en-GB",
                ["texts"] = new[] { new Dictionary<string, string> { ["body text"] = "Room was a bit cold but the staff were lovely" } },
            },
        };

        var response = await client.PostAsJsonAsync("/api/webhooks/reviews/hotel-site", payload, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        // 9 of 0–10 is a good rating: the classifier's reading of "cold" cannot make it a complaint.
        Assert.Equal("praise", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("sentiment").GetDouble() > 0);
        var read = await ReadAsync(body);
        Assert.Equal($"hotel-site:{id}", read.GetProperty("externalId").GetString());
        Assert.Equal("Room was a bit cold but the staff were lovely", read.GetProperty("text").GetString());
        Assert.Equal((9.0, 0.0, 10.0), (read.GetProperty("rating").GetDouble(), read.GetProperty("ratingMin").GetDouble(), read.GetProperty("ratingMax").GetDouble()));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_772_000_000), read.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("en", read.GetProperty("language").GetString());
        Assert.Contains("review:rating:9/10", read.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_source_not_configured_is_a_404_problem()
    {
        using var client = servers.Client();

        var response = await client.PostAsJsonAsync("/api/webhooks/reviews/yelp", new { id = 1, text = "ok" }, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Intake:ReviewSources:yelp", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_or_wrong_mapped_fields_are_400s_naming_the_path_and_store_nothing()
    {
        using var client = servers.Client();
        var reviewId = Guid.NewGuid().ToString("N");

        var noId = await client.PostAsJsonAsync("/api/webhooks/reviews/google", new { review = new { starRating = "TWO", comment = "bad" } }, Cancellation);
        var badValues = await client.PostAsJsonAsync("/api/webhooks/reviews/google",
            new { review = new { reviewId, starRating = "SIX", comment = 5, createTime = "last week" } }, Cancellation);
        var outOfScale = await client.PostAsJsonAsync("/api/webhooks/reviews/hotel-site", new { data = new { id = 7, score = 11 } }, Cancellation);
        var nothingToSay = await client.PostAsJsonAsync("/api/webhooks/reviews/google", new { review = new { reviewId } }, Cancellation);
        var notJson = await client.PostAsync("/api/webhooks/reviews/google", new StringContent("{\"review\":", Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(["$.review.reviewId"], await ErrorKeysAsync(noId));
        Assert.Equal(["$.review.comment", "$.review.createTime", "$.review.starRating"], await ErrorKeysAsync(badValues));
        Assert.Equal(["$.data.score"], await ErrorKeysAsync(outOfScale));
        Assert.Equal(["$.review.comment"], await ErrorKeysAsync(nothingToSay));
        Assert.Equal(["body"], await ErrorKeysAsync(notJson));
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE external_id = @id";
        count.Parameters.AddWithValue("id", $"google:{reviewId}");
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task A_rating_only_review_is_stored_once_and_its_id_is_scoped_to_the_source()
    {
        using var client = servers.Client();
        var id = Random.Shared.NextInt64(1, long.MaxValue);

        var first = await client.PostAsJsonAsync("/api/webhooks/reviews/google", new { review = new { reviewId = id.ToString(), starRating = "FIVE" } }, Cancellation);
        var again = await client.PostAsJsonAsync("/api/webhooks/reviews/google", new { review = new { reviewId = id.ToString(), starRating = "FIVE" } }, Cancellation);
        var otherSource = await client.PostAsJsonAsync("/api/webhooks/reviews/hotel-site", new { data = new { id, score = 2 } }, Cancellation);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, otherSource.StatusCode));
        var original = await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("praise", original.GetProperty("kind").GetString());
        Assert.Equal(1.0, original.GetProperty("sentiment").GetDouble());
        Assert.Equal(original.GetProperty("feedbackId").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString());
        var other = await otherSource.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.NotEqual(original.GetProperty("feedbackId").GetString(), other.GetProperty("feedbackId").GetString());
        Assert.Equal("complaint", other.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Another_channels_key_is_refused()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "survey");
        using var channel = servers.ClientWithKey(key);

        var response = await channel.PostAsJsonAsync("/api/webhooks/reviews/google", new { review = new { reviewId = "1", starRating = "FIVE" } }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> ReadAsync(JsonElement posted)
    {
        using var client = servers.Client();
        return await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{posted.GetProperty("feedbackId").GetString()}", Cancellation);
    }

    private static async Task<List<string>> ErrorKeysAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}
