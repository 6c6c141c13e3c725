using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Contracts.Intake;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>Answers through invitation links: anonymous, one-time, stored like any survey answer.</summary>
public sealed class SurveyLinkAnswerTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_link_stores_one_survey_tied_to_the_case_and_raises_survey_answered()
    {
        using var customer = servers.Client(role: null);
        var caseId = Guid.NewGuid();
        var token = SurveyLinks.Create(SurveyType.Csat, caseId);

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 5, comment = "Quick and friendly, thank you" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var surveyId = body.GetProperty("surveyId").GetGuid();
        Assert.Equal(caseId, body.GetProperty("caseId").GetGuid());
        Assert.Equal($"/api/feedback/{surveyId}", response.Headers.Location?.OriginalString);
        Assert.Equal([surveyId], await SurveyLinks.StoredAsync(servers, token));

        using var admin = servers.Client();
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/feedback/{surveyId}", Cancellation);
        Assert.Equal("survey_link", stored.GetProperty("channel").GetString());
        Assert.Equal(SurveyLinks.Nonce(token), stored.GetProperty("externalId").GetString());
        Assert.Equal(caseId.ToString(), stored.GetProperty("caseId").GetString());
        Assert.Equal(("csat", 5, "praise"), (stored.GetProperty("surveyType").GetString(), stored.GetProperty("surveyScore").GetInt32(), stored.GetProperty("kind").GetString()));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/feedback?channel=survey_link&page_size=200", Cancellation);
        Assert.Contains(surveyId.ToString(), listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("feedbackId").GetString()));

        var events = await Outbox.EventsForAsync(servers, surveyId);
        Assert.Equal(["FeedbackReceived", "SurveyAnswered"], events.Select(e => e.Type));
        var answered = events.Single(e => e.Type == "SurveyAnswered").Payload;
        Assert.Equal(caseId, answered.GetProperty("caseId").GetGuid());
        Assert.Equal(5, answered.GetProperty("score").GetInt32());
        Assert.Equal("survey_link", events[0].Payload.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task The_answer_belongs_to_the_customer_of_the_feedback_the_case_was_opened_from()
    {
        using var admin = servers.Client();
        var original = await (await admin.PostAsJsonAsync("/api/feedback",
            new { externalId = $"link-customer-{Guid.NewGuid()}", text = "送餐太慢了，饭菜都凉了", customerId = $"c-{Guid.NewGuid():N}" }, Cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var originalId = original.GetProperty("feedbackId").GetGuid();
        var customerKey = (await Outbox.EventsForAsync(servers, originalId)).First(e => e.Type == "FeedbackReceived").Payload.GetProperty("customerKey").GetString();
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat, feedbackId: originalId);

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 1 }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var surveyId = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("surveyId").GetGuid();
        var events = await Outbox.EventsForAsync(servers, surveyId);
        Assert.False(string.IsNullOrEmpty(customerKey));
        Assert.All(events, e => Assert.Equal(customerKey, e.Payload.GetProperty("customerKey").GetString()));
    }

    [Fact]
    public async Task A_low_score_through_the_form_is_a_complaint_with_complaint_raised()
    {
        using var customer = servers.Client(role: null);
        var caseId = Guid.NewGuid();
        var token = SurveyLinks.Create(SurveyType.Nps, caseId);

        var response = await customer.PostAsync("/surveys/answer", SurveyLinks.Form(token, "2", "", "en"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your answer has been recorded", await response.Content.ReadAsStringAsync(Cancellation));
        var surveyId = Assert.Single(await SurveyLinks.StoredAsync(servers, token));
        var events = await Outbox.EventsForAsync(servers, surveyId);
        Assert.Equal(["FeedbackReceived", "ComplaintRaised", "SurveyAnswered"], events.Select(e => e.Type));
        var complaint = events.Single(e => e.Type == "ComplaintRaised").Payload;
        Assert.Equal("NPS survey answer: 2", complaint.GetProperty("summary").GetString());
        Assert.Equal(2, complaint.GetProperty("severity").GetInt32());
        Assert.Equal(caseId, events.Single(e => e.Type == "SurveyAnswered").Payload.GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task A_used_link_is_refused_and_nothing_new_is_stored()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Ces);
        var first = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 6 }, Cancellation);
        var surveyId = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("surveyId").GetGuid();

        var again = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 1, comment = "changed my mind" }, Cancellation);
        var againByForm = await customer.PostAsync("/surveys/answer", SurveyLinks.Form(token, "1"), Cancellation);
        var page = await customer.GetAsync($"/surveys/answer?t={token}", Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(["this survey link has already been used"], problem.GetProperty("errors").GetProperty("token").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, againByForm.StatusCode);
        Assert.Contains("already been used", await againByForm.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal([surveyId], await SurveyLinks.StoredAsync(servers, token));
        Assert.Equal(["FeedbackReceived", "SurveyAnswered"], await Outbox.TypesForAsync(servers, surveyId));
    }

    [Fact]
    public async Task Concurrent_answers_to_one_link_store_exactly_one()
    {
        var token = SurveyLinks.Create(SurveyType.Csat);
        using var start = new SemaphoreSlim(0);
        var answers = Enumerable.Range(0, 8).Select(async i =>
        {
            using var customer = servers.Client(role: null);
            await start.WaitAsync(Cancellation);
            return await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 1 + i % 5 }, Cancellation);
        }).ToList();

        start.Release(answers.Count);
        var responses = await Task.WhenAll(answers);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var surveyId = Assert.Single(await SurveyLinks.StoredAsync(servers, token));
        Assert.Single(await Outbox.TypesForAsync(servers, surveyId), "SurveyAnswered");
    }

    [Fact]
    public async Task An_expired_link_is_gone_and_stores_nothing()
    {
        using var customer = servers.Client(role: null);
        var expiredAt = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-3).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var token = SurveyLinks.Create(SurveyType.Csat, expiresAt: expiredAt);

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 4 }, Cancellation);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal($"this survey link expired on {expiredAt:yyyy-MM-dd HH:mm} UTC", problem.GetProperty("errors").GetProperty("token")[0].GetString());
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task A_link_just_past_its_expiry_is_still_accepted_for_clock_skew()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat, expiresAt: DateTimeOffset.UtcNow.AddSeconds(-20));

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 4 }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_link_signed_with_the_previous_key_is_accepted_during_a_rotation()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Nps, key: IntakeServers.PreviousSurveyLinkKey);

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 9 }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task Forged_and_damaged_links_are_400s_naming_the_token()
    {
        using var customer = servers.Client(role: null);
        var forged = SurveyLinks.Create(SurveyType.Csat, key: System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var genuine = SurveyLinks.Create(SurveyType.Csat);
        // Same signature over a payload that now says NPS.
        var retyped = Retype(genuine);

        foreach (var (token, reason) in new[]
        {
            (forged, "the survey link was not issued by this service"),
            (retyped, "the survey link was not issued by this service"),
            ("garbage", "the survey link is incomplete or damaged"),
            ("", "the link carries no token"),
        })
        {
            var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 5 }, Cancellation);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.Equal(reason, problem.GetProperty("errors").GetProperty("token")[0].GetString());
        }

        Assert.Empty(await SurveyLinks.StoredAsync(servers, forged));
    }

    [Theory]
    [InlineData(SurveyType.Csat, 0, "must be between 1 and 5 for csat")]
    [InlineData(SurveyType.Csat, 6, "must be between 1 and 5 for csat")]
    [InlineData(SurveyType.Nps, 11, "must be between 0 and 10 for nps")]
    [InlineData(SurveyType.Ces, 8, "must be between 1 and 7 for ces")]
    [InlineData(SurveyType.Ces, null, "is required: choose a score from 1 to 7")]
    public async Task A_score_outside_the_links_scale_is_a_400_and_leaves_the_link_usable(SurveyType type, int? score, string reason)
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(type);

        var refused = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score }, Cancellation);
        var answered = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = type == SurveyType.Nps ? 0 : 1 }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(reason, problem.GetProperty("errors").GetProperty("score")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
    }

    [Fact]
    public async Task A_comment_over_the_limit_is_a_400_naming_the_comment()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat);

        var response = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 3, comment = new string('慢', 20_001) }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("must be at most 20000 characters", problem.GetProperty("errors").GetProperty("comment")[0].GetString());
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task A_score_of_the_wrong_json_type_is_a_400_naming_the_score()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat);

        var response = await customer.PostAsync("/api/surveys/answer",
            new StringContent($$"""{"token":"{{token}}","score":"five"}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Only_the_link_endpoints_are_anonymous()
    {
        using var anonymous = servers.Client(role: null);

        var channel = await anonymous.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 5 }, Cancellation);
        var list = await anonymous.GetAsync("/api/feedback", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, channel.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    private static string Retype(string token)
    {
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var payload = SignedPayload.Payload(token).Replace("|csat|", "|nps|");
        return $"{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.{signature}";
    }
}
