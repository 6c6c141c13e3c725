using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.Tests.Features.Reclassification;

public sealed class ReclassificationEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<Guid> PostAsync(string text)
    {
        using var client = servers.Client();
        var response = await client.PostAsJsonAsync("/api/feedback", new { text }, Cancellation);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetGuid();
    }

    [Fact]
    public async Task A_supervisor_reclassifies_and_the_change_is_recorded_and_published()
    {
        var id = await PostAsync("Where can I see my invoice?");
        using var supervisor = servers.Client(Roles.Supervisor, team: "t1");

        var response = await supervisor.PostAsJsonAsync($"/api/feedback/{id}/reclassify",
            new { kind = "complaint", category = "billing", severity = 3, reason = "Charged twice, see attachment" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("inquiry", entry.GetProperty("previousKind").GetString());
        Assert.Equal("complaint", entry.GetProperty("kind").GetString());
        Assert.Equal("test-supervisor", entry.GetProperty("changedBy").GetString());

        var history = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}/reclassifications", Cancellation)).GetProperty("reclassifications");
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal("Charged twice, see attachment", history[0].GetProperty("reason").GetString());

        var events = await Outbox.EventsForAsync(servers, id);
        var reclassified = events.Single(e => e.Type == "FeedbackReclassified").Payload;
        Assert.Equal("billing", reclassified.GetProperty("category").GetString());
        Assert.Equal(3, reclassified.GetProperty("severity").GetInt32());
        // Turned into a complaint by a person: Routing hears about it like any other complaint.
        Assert.Equal("billing", events.Single(e => e.Type == "ComplaintRaised").Payload.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Only_the_given_fields_change_and_each_correction_sees_the_previous_one()
    {
        var id = await PostAsync("送餐太慢了，饭菜都凉了，非常失望");
        using var manager = servers.Client(Roles.QualityManager);

        await manager.PostAsJsonAsync($"/api/feedback/{id}/reclassify", new { severity = 4, reason = "Customer is a repeat victim" }, Cancellation);
        var second = await (await manager.PostAsJsonAsync($"/api/feedback/{id}/reclassify", new { category = "product_quality", reason = "It is about the food" }, Cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(4, second.GetProperty("previousSeverity").GetInt32());
        Assert.Equal(4, second.GetProperty("severity").GetInt32());
        Assert.Equal("complaint", second.GetProperty("kind").GetString());
        Assert.Equal("product_quality", second.GetProperty("category").GetString());
    }

    [Fact]
    public async Task An_agent_may_not_reclassify()
    {
        var id = await PostAsync("Nice");
        using var agent = servers.Client(Roles.Agent, team: "t1");

        var response = await agent.PostAsJsonAsync($"/api/feedback/{id}/reclassify", new { kind = "praise", reason = "x" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        using var supervisor = servers.Client(Roles.Supervisor, team: "t1");

        var response = await supervisor.PostAsJsonAsync($"/api/feedback/{Guid.NewGuid()}/reclassify", new { kind = "praise", reason = "x" }, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"category":"weather","reason":"x"}""", "category")]
    [InlineData("""{"kind":"rant","reason":"x"}""", "kind")]
    [InlineData("""{"severity":5,"reason":"x"}""", "severity")]
    [InlineData("""{"kind":"praise"}""", "reason")]
    [InlineData("""{"reason":"nothing to change"}""", "kind")]
    public async Task Bad_corrections_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var id = await PostAsync("Where is my order?");
        using var supervisor = servers.Client(Roles.Supervisor, team: "t1");

        var response = await supervisor.PostAsync($"/api/feedback/{id}/reclassify", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.DoesNotContain("FeedbackReclassified", await Outbox.TypesForAsync(servers, id));
    }
}
