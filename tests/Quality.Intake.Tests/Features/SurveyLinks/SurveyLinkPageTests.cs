using System.Net;
using System.Text.RegularExpressions;
using Quality.Contracts.Intake;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>The pages customers see, in English and Chinese, with the status each outcome deserves.</summary>
public sealed partial class SurveyLinkPageTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_english_page_shows_the_nps_scale_with_labels_and_nothing_external()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Nps);

        var response = await customer.GetAsync($"/surveys/answer?t={token}", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("""<html lang="en">""", html);
        Assert.Contains("How likely are you to recommend us", html);
        Assert.Contains("0 = not at all likely, 10 = extremely likely", html);
        // Every score 0–10 is a radio with its own label; the comment box has one too.
        Assert.Equal(Enumerable.Range(0, 11), RadioValues().Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.All(Enumerable.Range(0, 11), v => Assert.Contains($"""<label for="score-{v}">""", html));
        Assert.Contains("""<label for="comment">""", html);
        Assert.Contains($"""name="t" value="{token}" """.TrimEnd(), html);
        Assert.Contains("""<form method="post" action="answer">""", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }

    [Theory]
    [InlineData("?lang=zh", null)]
    [InlineData("", "zh-CN,zh;q=0.9,en;q=0.8")]
    [InlineData("", "fr-FR, zh-TW;q=0.7, en;q=0.5")]
    public async Task The_chinese_page_is_chosen_by_lang_or_accept_language(string query, string? acceptLanguage)
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/surveys/answer?t={token}&{query.TrimStart('?')}");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await customer.SendAsync(request, Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("""<html lang="zh-CN">""", html);
        Assert.Contains("您对我们处理您问题的方式满意吗？", html);
        Assert.Contains("1 = 非常不满意，5 = 非常满意", html);
        Assert.Contains("""<input type="hidden" name="lang" value="zh">""", html);
        Assert.Equal(Enumerable.Range(1, 5), RadioValues().Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
    }

    [Fact]
    public async Task The_lang_parameter_wins_over_accept_language_and_unknown_languages_fall_back_to_english()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Ces);
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/surveys/answer?t={token}&lang=en");
        english.Headers.Add("Accept-Language", "zh-CN");
        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"/surveys/answer?t={token}&lang=de");
        unknown.Headers.Add("Accept-Language", "ja, de");

        var first = await (await customer.SendAsync(english, Cancellation)).Content.ReadAsStringAsync(Cancellation);
        var second = await (await customer.SendAsync(unknown, Cancellation)).Content.ReadAsStringAsync(Cancellation);

        Assert.Contains("How easy was it to get your issue resolved?", first);
        Assert.Contains("""<html lang="en">""", second);
    }

    [Fact]
    public async Task The_chinese_thank_you_page_follows_the_form_language()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat);

        var response = await customer.PostAsync("/surveys/answer", SurveyLinks.Form(token, "4", "客服很耐心，谢谢", "zh"), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("""<html lang="zh-CN">""", html);
        Assert.Contains("谢谢！您的回答已记录。", html);
        Assert.Single(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task A_form_without_a_score_shows_the_form_again_with_the_error_and_the_comment_kept()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Csat);

        var response = await customer.PostAsync("/surveys/answer", SurveyLinks.Form(token, "five", "The <b>courier</b> was late", "en"), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""role="alert" id="error">Please choose a score.</div>""", html);
        Assert.Contains("The &lt;b&gt;courier&lt;/b&gt; was late</textarea>", html);
        Assert.Empty(await SurveyLinks.StoredAsync(servers, token));
    }

    [Fact]
    public async Task A_score_outside_the_scale_in_the_form_is_explained_in_chinese()
    {
        using var customer = servers.Client(role: null);
        var token = SurveyLinks.Create(SurveyType.Ces);

        var response = await customer.PostAsync("/surveys/answer", SurveyLinks.Form(token, "9", null, "zh"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("分数必须在 1 到 7 之间。", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Expired_used_and_forged_links_get_clear_pages_with_4xx_statuses()
    {
        using var customer = servers.Client(role: null);
        var expired = SurveyLinks.Create(SurveyType.Csat, expiresAt: new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero));
        var used = SurveyLinks.Create(SurveyType.Csat);
        (await customer.PostAsync("/surveys/answer", SurveyLinks.Form(used, "5"), Cancellation)).EnsureSuccessStatusCode();
        var forged = SurveyLinks.Create(SurveyType.Csat, key: System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var expiredEn = await customer.GetAsync($"/surveys/answer?t={expired}&lang=en", Cancellation);
        var expiredZh = await customer.GetAsync($"/surveys/answer?t={expired}&lang=zh", Cancellation);
        var usedZh = await customer.GetAsync($"/surveys/answer?t={used}&lang=zh", Cancellation);
        var forgedEn = await customer.GetAsync($"/surveys/answer?t={forged}", Cancellation);
        var missing = await customer.GetAsync("/surveys/answer", Cancellation);

        Assert.Equal(HttpStatusCode.Gone, expiredEn.StatusCode);
        Assert.Contains("This survey link expired on 2026-01-02 03:04 UTC.", await expiredEn.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.Gone, expiredZh.StatusCode);
        Assert.Contains("此调查链接已于 2026-01-02 03:04 UTC 过期。", await expiredZh.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.Conflict, usedZh.StatusCode);
        Assert.Contains("此调查链接已被使用。", await usedZh.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.BadRequest, forgedEn.StatusCode);
        Assert.Contains("the survey link was not issued by this service", await forgedEn.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.All(new[] { expiredEn, usedZh, forgedEn, missing }, r => Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType));
    }

    [GeneratedRegex("""<input type="radio" id="score-\d+" name="score" value="(\d+)" required>""")]
    private static partial Regex RadioValues();
}
