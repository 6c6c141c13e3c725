using Quality.Contracts.Intake;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>The live counters' field names, shared by the increments and the rebuild so they cannot drift apart.</summary>
public static class LiveCounterNames
{
    public const string CasesOpened = "cases_opened";
    public const string CsatAnswers = "csat_answers";
    public const string CsatSatisfied = "csat_satisfied";
    public const string NpsAnswers = "nps_answers";
    public const string NpsPromoters = "nps_promoters";
    public const string NpsDetractors = "nps_detractors";

    public static string CasesOpenedIn(string category) => $"{CasesOpened}:{category}";

    /// <summary>What one survey answer adds: CSAT 4–5 is satisfied; NPS 9–10 a promoter, 0–6 a detractor (as the KPIs define them).</summary>
    public static IReadOnlyList<string> ForSurvey(SurveyType type, int score) => type switch
    {
        SurveyType.Csat => score >= 4 ? [CsatAnswers, CsatSatisfied] : [CsatAnswers],
        SurveyType.Nps when score >= 9 => [NpsAnswers, NpsPromoters],
        SurveyType.Nps when score <= 6 => [NpsAnswers, NpsDetractors],
        SurveyType.Nps => [NpsAnswers],
        _ => [],
    };
}
