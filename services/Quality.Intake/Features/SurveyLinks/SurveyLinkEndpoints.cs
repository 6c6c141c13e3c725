using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// Where customers answer an invitation: anonymous (the signed, one-time token is the credential; they have no
/// account) but rate-limited per client address and body-limited like every other endpoint.
/// </summary>
internal static class SurveyLinkEndpoints
{
    public static IEndpointRouteBuilder MapSurveyLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("").WithTags("Survey links").AllowAnonymous().RequireRateLimiting(SurveyLinkRateLimit.Policy);
        links.MapGet("/surveys/answer", PageAsync).ExcludeFromDescription();
        // No antiforgery token: the form carries no cookie or other ambient credential for a forged post to
        // ride on; the link token in the body is the whole of the authority.
        links.MapPost("/surveys/answer", AnswerFormAsync).DisableAntiforgery().WithBodyLimit(BodyLimit.Json).ExcludeFromDescription();
        links.MapPost("/api/surveys/answer", AnswerJsonAsync).WithBodyLimit(BodyLimit.Json);
        return app;
    }

    private static async Task<HtmlPage> PageAsync(
        [FromQuery(Name = "t")] string? token, string? lang, HttpRequest request, SurveyLinkAnswers links, CancellationToken cancellationToken)
    {
        var text = SurveyPageText.For(lang, request);
        try
        {
            var link = await links.OpenAsync(token, cancellationToken);
            return new HtmlPage(SurveyPages.Form(text, token!.Trim(), link), StatusCodes.Status200OK);
        }
        catch (SurveyLinkRefusedException e)
        {
            return Problem(text, e.Refusal);
        }
    }

    private static async Task<HtmlPage> AnswerFormAsync(
        [FromForm(Name = "t")] string? token, [FromForm] string? score, [FromForm] string? comment, [FromForm] string? lang,
        HttpRequest request, SurveyLinkAnswers links, CancellationToken cancellationToken)
    {
        var text = SurveyPageText.For(lang, request);
        // A form posts text: anything but a whole number is no score, which the page asks for again.
        int? value = int.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        try
        {
            await links.AnswerAsync(token, value, comment, text.Language, cancellationToken);
            return new HtmlPage(SurveyPages.ThankYou(text), StatusCodes.Status200OK);
        }
        catch (SurveyLinkRefusedException e) when (e.Refusal.Link is { } link)
        {
            // The link is fine but the answer is not: the same form again, with what they entered and why.
            return new HtmlPage(SurveyPages.Form(text, token!.Trim(), link, text.Explain(e.Refusal), value, comment), e.Refusal.Status);
        }
        catch (SurveyLinkRefusedException e)
        {
            return Problem(text, e.Refusal);
        }
    }

    private static async Task<Results<Created<SurveyLinkAnswered>, ProblemHttpResult>> AnswerJsonAsync(
        AnswerSurveyLinkRequest request, SurveyLinkAnswers links, CancellationToken cancellationToken)
    {
        try
        {
            var answered = await links.AnswerAsync(request.Token, request.Score, request.Comment, null, cancellationToken);
            return TypedResults.Created($"/api/feedback/{answered.SurveyId}", answered);
        }
        catch (SurveyLinkRefusedException e)
        {
            var refusal = e.Refusal;
            return TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] })
            {
                Status = refusal.Status,
                Title = refusal.Title,
                Detail = $"{refusal.Field}: {refusal.Detail}",
            });
        }
    }

    private static HtmlPage Problem(SurveyPageText text, SurveyLinkRefusal refusal) =>
        new(SurveyPages.Problem(text, text.Explain(refusal)), refusal.Status);
}
