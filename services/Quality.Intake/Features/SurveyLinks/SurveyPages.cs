using System.Globalization;
using System.Net;
using System.Text;
using Quality.Contracts.Surveys;
using Quality.Intake.Features.Surveys;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// The customer-facing pages: self-contained HTML (no scripts, fonts or images from anywhere), native form
/// controls so keyboards and screen readers work without help, each control with its label, errors announced.
/// </summary>
public static class SurveyPages
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f7f9;color:#1b1f24;line-height:1.5}
        main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
        h1{font-size:1.4rem;margin-top:0}
        fieldset{border:0;padding:0;margin:0 0 1.25rem}
        legend{font-weight:600;margin-bottom:.5rem}
        .scale{display:flex;flex-wrap:wrap;gap:.5rem}
        .scale label{display:inline-flex;align-items:center;gap:.25rem;min-width:2.75rem;padding:.4rem .6rem;border:1px solid #8a939e;border-radius:.375rem;cursor:pointer}
        .ends{color:#4a535e;font-size:.95rem;margin:.25rem 0 .75rem}
        textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #8a939e;border-radius:.375rem}
        button{font:inherit;font-weight:600;margin-top:1rem;padding:.6rem 1.5rem;border:0;border-radius:.375rem;background:#0b5cad;color:#fff;cursor:pointer}
        :focus-visible{outline:3px solid #f0a000;outline-offset:2px}
        .error{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem;margin-bottom:1rem}
        .note{color:#4a535e;font-size:.9rem}
        """;

    /// <summary>The question, the scale as radio buttons and an optional comment; <paramref name="error"/> is shown above them.</summary>
    public static string Form(SurveyPageText text, string token, SurveyLink link, string? error = null, int? score = null, string? comment = null)
    {
        var (min, max) = SurveyScale.Range(link.Type);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(text.Title)}</h1>");
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="error" role="alert" id="error">{E(error)}</div>""");
        }

        html.Append("""<form method="post" action="answer">""");
        html.Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="t" value="{E(token)}"><input type="hidden" name="lang" value="{text.Language}">""");
        html.Append(CultureInfo.InvariantCulture, $"""<fieldset aria-describedby="ends"><legend>{E(text.Question(link.Type))}</legend>""");
        html.Append(CultureInfo.InvariantCulture, $"""<p class="ends" id="ends">{E(text.Ends(link.Type, min, max))}</p><div class="scale">""");
        for (var value = min; value <= max; value++)
        {
            var isChecked = score == value ? " checked" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"""<label for="score-{value}"><input type="radio" id="score-{value}" name="score" value="{value}" required{isChecked}>{value}</label>""");
        }

        html.Append("</div></fieldset>");
        html.Append(CultureInfo.InvariantCulture, $"""<label for="comment">{E(text.CommentLabel)}</label>""");
        html.Append(CultureInfo.InvariantCulture,
            $"""<textarea id="comment" name="comment" rows="5" maxlength="{SubmitSurveyRequest.MaxCommentLength}">{E(comment ?? "")}</textarea>""");
        html.Append(CultureInfo.InvariantCulture, $"""<button type="submit">{E(text.Submit)}</button></form>""");
        html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(string.Format(CultureInfo.InvariantCulture, text.OneTimeUntil, SurveyPageText.Time(link.ExpiresAt)))}</p>""");
        return Document(text, text.Title, html.ToString());
    }

    public static string ThankYou(SurveyPageText text) =>
        Document(text, text.ThankYouTitle, $"""<h1>{E(text.ThankYouTitle)}</h1><p role="status">{E(text.ThankYou)}</p>""");

    public static string Problem(SurveyPageText text, string message) =>
        Document(text, text.ProblemTitle, $"""<h1>{E(text.ProblemTitle)}</h1><p role="alert">{E(message)}</p>""");

    private static string Document(SurveyPageText text, string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="{text.HtmlLanguage}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main>{body}</main></body>
        </html>
        """;

    /// <summary>Encodes markup characters; Chinese stays as it is, the page is UTF-8.</summary>
    private static string E(string value) => WebUtility.HtmlEncode(value);
}
