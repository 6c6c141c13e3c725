using Quality.Contracts.Intake;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The units live values are folded in. A case carries everything attributed through it (its surveys, feedback,
/// responses, resolutions, reopens and backlog), so a late assignment re-attributes all of it at once; a survey
/// answer or feedback item without a case stands alone and counts for the organisation only.
/// </summary>
public static class LiveEntities
{
    public const string CasePrefix = "case:";
    public const string SurveyPrefix = "survey:";
    public const string FeedbackPrefix = "feedback:";

    public static string Case(Guid caseId) => $"{CasePrefix}{caseId}";

    public static string Survey(Guid feedbackId, SurveyType type) => $"{SurveyPrefix}{feedbackId}:{(int)type}";

    public static string Feedback(Guid feedbackId) => $"{FeedbackPrefix}{feedbackId}";

    /// <summary>The feedback id and survey type a <see cref="Survey"/> entity names.</summary>
    public static (Guid FeedbackId, SurveyType Type) ParseSurvey(string entity)
    {
        var parts = entity[SurveyPrefix.Length..].Split(':');
        return (Guid.Parse(parts[0]), (SurveyType)int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
