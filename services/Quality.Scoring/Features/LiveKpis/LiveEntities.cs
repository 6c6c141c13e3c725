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

    /// <summary>
    /// What an entity names: a case (its id), a survey answer without a case (its feedback id and survey type) or a
    /// feedback item without a case (its id).
    /// </summary>
    public static (LiveEntityKind Kind, Guid Id, SurveyType SurveyType) Parse(string entity)
    {
        if (entity.StartsWith(CasePrefix, StringComparison.Ordinal))
        {
            return (LiveEntityKind.Case, Guid.Parse(entity.AsSpan(CasePrefix.Length)), default);
        }

        if (entity.StartsWith(FeedbackPrefix, StringComparison.Ordinal))
        {
            return (LiveEntityKind.Feedback, Guid.Parse(entity.AsSpan(FeedbackPrefix.Length)), default);
        }

        if (entity.StartsWith(SurveyPrefix, StringComparison.Ordinal) && entity.LastIndexOf(':') is var colon and > 0
            && int.TryParse(entity.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var type))
        {
            return (LiveEntityKind.Survey, Guid.Parse(entity.AsSpan(SurveyPrefix.Length, colon - SurveyPrefix.Length)), (SurveyType)type);
        }

        throw new ArgumentException($"Unknown live entity '{entity}'.", nameof(entity));
    }
}
