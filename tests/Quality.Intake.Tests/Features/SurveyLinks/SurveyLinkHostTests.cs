using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Contracts.Intake;
using Quality.Intake.Tests.Features.Imports;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>
/// Settings that need a host of their own: links turned off, and a small rate limit. Alone, like every extra host
/// with workers: its import worker must not pick up another test's queued job and be disposed mid-way.
/// </summary>
[Collection(typeof(Alone))]
public sealed class SurveyLinkHostTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_key_the_link_endpoints_answer_503_and_the_rest_keeps_working()
    {
        await using var intake = servers.WithSettings(new Dictionary<string, string?>
        {
            ["Intake:Surveys:LinkKey"] = "",
            ["Intake:Surveys:PreviousLinkKey"] = "",
        });
        using var customer = intake.CreateClient();
        var token = SurveyLinks.Create(SurveyType.Csat);

        var page = await customer.GetAsync($"/surveys/answer?t={token}", Cancellation);
        var api = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 5 }, Cancellation);
        using var admin = intake.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", IntakeServers.Token("admin"));
        var other = await admin.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 5 }, Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Survey links are not configured", await page.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.StartsWith("survey links are not configured", problem.GetProperty("errors").GetProperty("token")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task A_client_over_its_budget_gets_429_with_retry_after_as_a_page_or_a_problem()
    {
        await using var intake = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Surveys:PermitsPerMinute"] = "3" });
        using var customer = intake.CreateClient();
        var token = SurveyLinks.Create(SurveyType.Csat);

        var allowed = new[]
        {
            await customer.GetAsync($"/surveys/answer?t={token}", Cancellation),
            await customer.GetAsync("/surveys/answer?t=garbage", Cancellation),
            await customer.GetAsync($"/surveys/answer?t={token}", Cancellation),
        };
        var page = await customer.GetAsync($"/surveys/answer?t={token}&lang=zh", Cancellation);
        var api = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 5 }, Cancellation);
        using var admin = intake.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", IntakeServers.Token("admin"));
        var notLimited = await admin.GetAsync("/api/feedback?page_size=1", Cancellation);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK], allowed.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(int.Parse(page.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, notLimited.StatusCode);
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }
}
