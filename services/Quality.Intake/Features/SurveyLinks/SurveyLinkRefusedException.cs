namespace Quality.Intake.Features.SurveyLinks;

/// <summary>Thrown by <see cref="SurveyLinkAnswers"/>; the endpoints answer it as a page or a ProblemDetails.</summary>
public sealed class SurveyLinkRefusedException(SurveyLinkRefusal refusal) : Exception(refusal.Detail)
{
    public SurveyLinkRefusal Refusal { get; } = refusal;
}
