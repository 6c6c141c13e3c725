using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quality.Contracts;
using Quality.Testing;

namespace Quality.SystemTests;

/// <summary>
/// A resolved case's customer is invited by email and answers through the link, across every service:
/// Routing resolves → Notifications asks Intake for the address (service identity) and mails a signed link →
/// Intake takes the answer as a survey of that case → Scoring counts it.
/// </summary>
public sealed partial class SurveyInvitationTests(QualitySystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resolved_cases_customer_is_invited_and_their_answer_is_a_survey_of_that_case()
    {
        using var intake = system.HttpClient(ResourceNames.Intake);
        using var routing = system.HttpClient(ResourceNames.Routing);
        using var scoring = system.HttpClient(ResourceNames.Scoring);
        using var notifications = system.HttpClient(ResourceNames.Notifications);
        using var customer = system.HttpClient(ResourceNames.Intake, role: null);
        var email = $"li.na.{Guid.NewGuid():N}@example.com";
        var posted = await intake.PostAsJsonAsync("/api/feedback", new
        {
            externalId = $"survey-{Guid.NewGuid()}",
            text = "外卖送错了地址，打电话也没人接，太差了",
            customerEmail = email,
        }, Cancellation);
        var feedbackId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString();
        var caseId = (await Eventually.Async(
                () => routing.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={feedbackId}", Cancellation),
                list => list.TryGetProperty("cases", out var cases) && cases.GetArrayLength() == 1, Patience))
            .GetProperty("cases")[0].GetProperty("caseId").GetString();
        var csatBefore = await CsatAnswersAsync(scoring);

        var resolved = await routing.PostAsJsonAsync($"/api/cases/{caseId}/resolve", new { note = "re-delivered" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        // The invitation's own record says why, should no mail come.
        await Eventually.Async(
            () => notifications.GetFromJsonAsync<JsonElement>($"/api/surveys/invitations?caseId={caseId}", Cancellation),
            list => list.GetRawText().Contains("\"sent\"", StringComparison.Ordinal), Patience);
        var mail = (await Eventually.Async(() => Task.FromResult(system.Smtp.To(email).ToList()), m => m.Count == 1, Patience))[0].Message;
        var link = LinkPattern().Match(mail.TextBody!);
        Assert.True(link.Success, mail.TextBody);
        var token = Uri.UnescapeDataString(link.Groups["token"].Value);
        Assert.Equal("zh", link.Groups["lang"].Value);
        var page = await customer.GetAsync($"/surveys/answer?t={Uri.EscapeDataString(token)}&lang=zh", Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var answer = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 5, comment = "处理得很快，谢谢" }, Cancellation);
        var again = await customer.PostAsJsonAsync("/api/surveys/answer", new { token, score = 1 }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var survey = await answer.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(caseId, survey.GetProperty("caseId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var stored = await intake.GetFromJsonAsync<JsonElement>($"/api/feedback/{survey.GetProperty("surveyId").GetString()}", Cancellation);
        Assert.Equal(("survey_link", "csat", 5), (stored.GetProperty("channel").GetString(), stored.GetProperty("surveyType").GetString(), stored.GetProperty("surveyScore").GetInt32()));
        await Eventually.Async(() => CsatAnswersAsync(scoring), answers => answers > csatBefore, Patience);
    }

    /// <summary>CSAT answers Scoring has counted for the organisation in its live window; it only grows.</summary>
    private static async Task<long> CsatAnswersAsync(HttpClient scoring)
    {
        var live = await scoring.GetFromJsonAsync<JsonElement>("/api/kpis?scope=org&period=last_hour", Cancellation);
        var csat = live.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "csat_percent");
        return csat.TryGetProperty("sampleCount", out var n) ? long.Parse(n.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"/surveys/answer\?t=(?<token>[^&\s]+)&lang=(?<lang>zh|en)")]
    private static partial Regex LinkPattern();
}
