using System.Globalization;
using Quality.Contracts.Intake;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>What the survey pages say, in English and simplified Chinese.</summary>
public sealed record SurveyPageText
{
    public required string Language { get; init; }
    public required string HtmlLanguage { get; init; }
    public required string Title { get; init; }
    public required string CsatQuestion { get; init; }
    public required string NpsQuestion { get; init; }
    public required string CesQuestion { get; init; }

    /// <summary>Each scale's ends, formatted with its minimum and maximum.</summary>
    public required string CsatEnds { get; init; }

    public required string NpsEnds { get; init; }
    public required string CesEnds { get; init; }
    public required string CommentLabel { get; init; }
    public required string Submit { get; init; }
    public required string OneTimeUntil { get; init; }
    public required string ThankYouTitle { get; init; }
    public required string ThankYou { get; init; }
    public required string ProblemTitle { get; init; }
    public required string NotConfigured { get; init; }
    public required string Invalid { get; init; }
    public required string Expired { get; init; }
    public required string Used { get; init; }
    public required string ScoreMissing { get; init; }
    public required string ScoreOutOfRange { get; init; }
    public required string CommentTooLong { get; init; }
    public required string TooManyRequests { get; init; }

    public static readonly SurveyPageText English = new()
    {
        Language = "en",
        HtmlLanguage = "en",
        Title = "Your feedback",
        CsatQuestion = "How satisfied are you with how we handled your request?",
        NpsQuestion = "How likely are you to recommend us to a friend or colleague?",
        CesQuestion = "How easy was it to get your issue resolved?",
        CsatEnds = "{0} = very dissatisfied, {1} = very satisfied",
        NpsEnds = "{0} = not at all likely, {1} = extremely likely",
        CesEnds = "{0} = very difficult, {1} = very easy",
        CommentLabel = "Anything else you would like to tell us? (optional)",
        Submit = "Send",
        OneTimeUntil = "This link can be used once, until {0}.",
        ThankYouTitle = "Thank you",
        ThankYou = "Thank you! Your answer has been recorded.",
        ProblemTitle = "This survey cannot be answered",
        NotConfigured = "Survey links are not configured on this service.",
        Invalid = "This survey link cannot be used ({0}). Please open the link from your invitation email again.",
        Expired = "This survey link expired on {0}.",
        Used = "This survey link has already been used. Thank you, your answer was recorded then.",
        ScoreMissing = "Please choose a score.",
        ScoreOutOfRange = "The score must be between {0} and {1}.",
        CommentTooLong = "The comment may be at most {0} characters.",
        TooManyRequests = "Too many requests from your network. Please try again in a minute.",
    };

    public static readonly SurveyPageText Chinese = new()
    {
        Language = "zh",
        HtmlLanguage = "zh-CN",
        Title = "您的反馈",
        CsatQuestion = "您对我们处理您问题的方式满意吗？",
        NpsQuestion = "您有多大可能向朋友或同事推荐我们？",
        CesQuestion = "解决您的问题有多容易？",
        CsatEnds = "{0} = 非常不满意，{1} = 非常满意",
        NpsEnds = "{0} = 完全不可能，{1} = 极有可能",
        CesEnds = "{0} = 非常困难，{1} = 非常容易",
        CommentLabel = "还有什么想告诉我们的吗？（选填）",
        Submit = "提交",
        OneTimeUntil = "此链接仅可使用一次，有效期至 {0}。",
        ThankYouTitle = "谢谢",
        ThankYou = "谢谢！您的回答已记录。",
        ProblemTitle = "无法填写此调查",
        NotConfigured = "本服务尚未启用调查链接。",
        Invalid = "此调查链接无效或已损坏。请从邀请邮件中重新打开链接。",
        Expired = "此调查链接已于 {0} 过期。",
        Used = "此调查链接已被使用。谢谢，您当时的回答已记录。",
        ScoreMissing = "请选择一个分数。",
        ScoreOutOfRange = "分数必须在 {0} 到 {1} 之间。",
        CommentTooLong = "留言最多 {0} 个字符。",
        TooManyRequests = "您所在网络的请求过于频繁，请一分钟后再试。",
    };

    /// <summary>
    /// The <c>lang</c> query or form value when it names one we speak, else the first of Accept-Language (by
    /// quality) that we speak, else English.
    /// </summary>
    public static SurveyPageText For(string? lang, HttpRequest request)
    {
        if (Match(lang) is { } chosen)
        {
            return chosen;
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        return accepted.Select(l => Match(l.Value.Value)).FirstOrDefault(t => t is not null) ?? English;
    }

    private static SurveyPageText? Match(string? tag) =>
        tag?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            var t when t == "zh" || t.StartsWith("zh-", StringComparison.Ordinal) => Chinese,
            var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) => English,
            _ => null,
        };

    public string Question(SurveyType type) => type switch
    {
        SurveyType.Csat => CsatQuestion,
        SurveyType.Nps => NpsQuestion,
        _ => CesQuestion,
    };

    public string Ends(SurveyType type, int min, int max) =>
        Format(type switch { SurveyType.Csat => CsatEnds, SurveyType.Nps => NpsEnds, _ => CesEnds }, min, max);

    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public string Explain(SurveyLinkRefusal refusal) => refusal.Failure switch
    {
        SurveyLinkFailure.NotConfigured => NotConfigured,
        SurveyLinkFailure.Invalid => Format(Invalid, refusal.Detail),
        SurveyLinkFailure.Expired => Format(Expired, Time(refusal.ExpiredAt!.Value)),
        SurveyLinkFailure.Used => Used,
        SurveyLinkFailure.ScoreMissing => ScoreMissing,
        SurveyLinkFailure.ScoreOutOfRange => Format(ScoreOutOfRange, refusal.Range!.Value.Min, refusal.Range.Value.Max),
        _ => Format(CommentTooLong, Surveys.SubmitSurveyRequest.MaxCommentLength),
    };

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
