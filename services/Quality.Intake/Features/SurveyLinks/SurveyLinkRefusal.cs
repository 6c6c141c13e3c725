using Quality.Contracts.Surveys;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// A refused link or answer: the HTTP status, the request field at fault (<c>token</c>, <c>score</c>, <c>comment</c>)
/// and an English detail for API callers; the pages word it in the customer's language from the same facts.
/// </summary>
public sealed record SurveyLinkRefusal(SurveyLinkFailure Failure, string Field, string Detail)
{
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>The link's scale, when the score was at fault.</summary>
    public (int Min, int Max)? Range { get; init; }

    /// <summary>The link, when it was genuine: a page can show the form again with the error beside it.</summary>
    public SurveyLink? Link { get; init; }

    public int Status => Failure switch
    {
        SurveyLinkFailure.NotConfigured => StatusCodes.Status503ServiceUnavailable,
        SurveyLinkFailure.Expired => StatusCodes.Status410Gone,
        SurveyLinkFailure.Used => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public string Title => Failure switch
    {
        SurveyLinkFailure.NotConfigured => "Survey links are not configured.",
        SurveyLinkFailure.Expired => "The survey link has expired.",
        SurveyLinkFailure.Used => "The survey link has already been used.",
        SurveyLinkFailure.Invalid => "The survey link is not valid.",
        _ => "The request is invalid.",
    };
}
