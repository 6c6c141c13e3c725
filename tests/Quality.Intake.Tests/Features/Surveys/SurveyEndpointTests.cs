using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Surveys;

public sealed class SurveyEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_detractor_nps_answer_is_a_complaint_with_survey_and_complaint_events()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "survey");
        using var channel = servers.ClientWithKey(key);
        var caseId = Guid.NewGuid();

        var response = await channel.PostAsJsonAsync("/api/surveys", new { type = "nps", score = 3, caseId, externalId = $"s-{Guid.NewGuid()}" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("complaint", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("sentiment").GetDouble() < 0);
        var events = await Outbox.EventsForAsync(servers, body.GetProperty("feedbackId").GetGuid());
        Assert.Equal(["FeedbackReceived", "ComplaintRaised", "SurveyAnswered"], events.Select(e => e.Type));
        var answered = events.Single(e => e.Type == "SurveyAnswered").Payload;
        Assert.Equal(3, answered.GetProperty("score").GetInt32());
        Assert.Equal(caseId, answered.GetProperty("caseId").GetGuid());
        Assert.Equal(caseId, events[0].Payload.GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task A_happy_csat_answer_is_praise_and_raises_no_complaint()
    {
        using var client = servers.Client();

        var response = await client.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 5, comment = "Great, very helpful staff" }, Cancellation);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("praise", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("sentiment").GetDouble() > 0.5);
        Assert.Equal(["FeedbackReceived", "SurveyAnswered"], await Outbox.TypesForAsync(servers, body.GetProperty("feedbackId").GetGuid()));
    }

    [Fact]
    public async Task A_negative_comment_pulls_a_middling_score_down()
    {
        using var client = servers.Client();

        var plain = await (await client.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 3 }, Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var withComment = await (await client.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 3, comment = "送餐太慢了，饭菜都凉了，非常失望" }, Cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(0, plain.GetProperty("sentiment").GetDouble());
        Assert.True(withComment.GetProperty("sentiment").GetDouble() < 0);
        Assert.Equal("delivery", withComment.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_stored_answer_reads_back_with_its_survey_fields()
    {
        using var client = servers.Client();
        var caseId = Guid.NewGuid();
        var posted = await (await client.PostAsJsonAsync("/api/surveys", new { type = "ces", score = 2, caseId }, Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{posted.GetProperty("feedbackId").GetString()}", Cancellation);

        Assert.Equal("survey", read.GetProperty("channel").GetString());
        Assert.Equal("ces", read.GetProperty("surveyType").GetString());
        Assert.Equal(2, read.GetProperty("surveyScore").GetInt32());
        Assert.Equal(caseId.ToString(), read.GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task A_score_of_the_wrong_json_type_is_a_400_naming_the_field()
    {
        using var client = servers.Client();

        var response = await client.PostAsync("/api/surveys", new StringContent("""{"type":"nps","score":"ten"}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty("score", out _));
    }

    [Theory]
    [InlineData("csat", 6, "score")]
    [InlineData("csat", 0, "score")]
    [InlineData("nps", 11, "score")]
    [InlineData("ces", 8, "score")]
    [InlineData("stars", 3, "type")]
    public async Task An_out_of_range_score_or_unknown_type_is_a_400_naming_the_field(string type, int score, string field)
    {
        using var client = servers.Client();

        var response = await client.PostAsJsonAsync("/api/surveys", new { type, score }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_missing_score_or_malformed_case_id_is_a_400_naming_the_field()
    {
        using var client = servers.Client();

        var response = await client.PostAsJsonAsync("/api/surveys", new { type = "nps", caseId = "case-7" }, Cancellation);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("score", out _));
        Assert.True(errors.TryGetProperty("caseId", out _));
    }

    [Fact]
    public async Task A_resubmitted_answer_answers_the_original()
    {
        using var client = servers.Client();
        var answer = new { type = "ces", score = 6, externalId = $"ces-{Guid.NewGuid()}" };

        var first = await (await client.PostAsJsonAsync("/api/surveys", answer, Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var again = await client.PostAsJsonAsync("/api/surveys", answer, Cancellation);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("feedbackId").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString());
    }
}
