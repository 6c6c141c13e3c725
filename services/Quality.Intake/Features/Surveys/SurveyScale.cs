using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Surveys;

/// <summary>What a score means on each survey's scale.</summary>
public static class SurveyScale
{
    public static (int Min, int Max) Range(SurveyType type) => type switch
    {
        SurveyType.Csat => (1, 5),
        SurveyType.Nps => (0, 10),
        SurveyType.Ces => (1, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Detractors (NPS 0–6) and dissatisfied customers (CSAT 1–2) are complaints, whatever they wrote.</summary>
    public static bool IsComplaint(SurveyType type, int score) =>
        type == SurveyType.Nps && score <= 6 || type == SurveyType.Csat && score <= 2;

    /// <summary>
    /// The score on −1…1, 0 at the scale's neutral point: CSAT 3, CES 4 (higher is easier), and NPS 7.5, the
    /// middle of the "passive" 7–8, so every detractor is negative and every promoter positive.
    /// </summary>
    public static double Sentiment(SurveyType type, int score)
    {
        var (min, max) = Range(type);
        var neutral = type == SurveyType.Nps ? 7.5 : (min + max) / 2.0;
        var value = score >= neutral ? (score - neutral) / (max - neutral) : (score - neutral) / (neutral - min);
        return Math.Round(value, 3);
    }

    /// <summary>Complaint severity from the score alone: the very bottom of the scale is more urgent.</summary>
    public static int Severity(SurveyType type, int score) =>
        type == SurveyType.Nps && score <= 2 || type == SurveyType.Csat && score == 1 ? 2 : 1;
}
