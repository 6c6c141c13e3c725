using System.Globalization;
using Quality.Notifications.Features.Rules;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// The invitation email in the customer's language: Chinese, or English when Intake says they wrote in English.
/// It names the case by a short reference (the first 8 digits of its id), gives the link and says until when
/// it works, in China Standard Time for Chinese and UTC for English.
/// </summary>
public static class SurveyEmailComposer
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string LanguageOf(string? contactLanguage) =>
        contactLanguage?.Trim().StartsWith(EmailLanguages.En, StringComparison.OrdinalIgnoreCase) == true ? EmailLanguages.En : EmailLanguages.Zh;

    public static string Reference(Guid caseId) => caseId.ToString("N")[..8].ToUpperInvariant();

    public static Uri Link(string baseUrl, string token, string language) =>
        new($"{baseUrl.TrimEnd('/')}/surveys/answer?t={Uri.EscapeDataString(token)}&lang={language}");

    public static SurveyEmail Compose(string language, Guid caseId, string surveyType, Uri link, DateTimeOffset expiresAt)
    {
        var reference = Reference(caseId);
        if (language == EmailLanguages.En)
        {
            var until = expiresAt.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
            return new SurveyEmail(language, $"How did we do? Your request {reference}", $"""
                Hello,

                Your request {reference} has been resolved. {QuestionEn(surveyType)}

                {link}

                It takes less than a minute. The link is for you only, works once and is valid until {until}.

                Thank you,
                The customer service team

                (This is an automatic message; replies to it are not read.)
                """);
        }

        var local = TimeZoneInfo.ConvertTime(expiresAt, ChinaTime).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        return new SurveyEmail(language, $"您的问题 {reference} 已解决，请为我们的服务评分", $"""
            您好：

            您的问题（编号 {reference}）已处理完毕。{QuestionZh(surveyType)}

            {link}

            只需不到一分钟。此链接仅供您本人使用，只能提交一次，有效期至 {local}（北京时间）。

            谢谢！
            客户服务团队

            （此邮件由系统自动发送，请勿直接回复。）
            """);
    }

    private static string QuestionEn(string surveyType) => surveyType switch
    {
        "nps" => "How likely are you to recommend us to a friend or colleague? Please answer on a scale of 0 to 10:",
        "ces" => "How easy was it to get your issue handled? Please tell us on a scale of 1 to 7:",
        _ => "How satisfied are you with how we handled it? Please rate us from 1 to 5:",
    };

    private static string QuestionZh(string surveyType) => surveyType switch
    {
        "nps" => "您有多大可能向朋友或同事推荐我们？请在 0 到 10 分之间打分：",
        "ces" => "这次解决问题对您来说有多容易？请在 1 到 7 分之间打分：",
        _ => "您对这次处理是否满意？请在 1 到 5 分之间为我们打分：",
    };
}
