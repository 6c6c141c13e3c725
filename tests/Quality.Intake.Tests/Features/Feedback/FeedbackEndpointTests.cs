using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Feedback;

public sealed class FeedbackEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_copies_of_one_item_store_it_once_with_one_set_of_events()
    {
        using var client = servers.Client();
        var item = new { externalId = $"race-{Guid.NewGuid()}", text = "送餐太慢了，饭菜都凉了，非常失望", customerEmail = "race@example.com" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/api/feedback", item, Cancellation)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>(Cancellation)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        var id = Assert.Single(bodies.Select(b => b.GetProperty("feedbackId").GetGuid()).Distinct());
        Assert.Equal(7, bodies.Count(b => b.GetProperty("duplicate").GetBoolean()));
        Assert.All(bodies, b => Assert.Equal("complaint", b.GetProperty("kind").GetString()));
        Assert.Equal(["FeedbackReceived", "ComplaintRaised"], await Outbox.TypesForAsync(servers, id));

        await using var connection = await servers.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), bool_and(customer_email IS NOT NULL AND customer_email <> convert_to('race@example.com', 'UTF8')) FROM feedback WHERE channel = 'api' AND external_id = @id";
        command.Parameters.AddWithValue("id", item.externalId);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1)); // stored encrypted, not as sent
    }
}
