namespace Quality.Scoring.Features.LiveKpis;

/// <summary>Counter fields of a live bucket. Durations are summed in whole milliseconds so sums stay exact integers.</summary>
public static class LiveFields
{
    public const string CsatAnswers = "csat_n";
    public const string CsatSatisfied = "csat_ok";
    public const string NpsAnswers = "nps_n";
    public const string NpsPromoters = "nps_pro";
    public const string NpsDetractors = "nps_det";
    public const string CesAnswers = "ces_n";
    public const string CesSum = "ces_sum";
    public const string FirstResponses = "frt_n";
    public const string FirstResponseMilliseconds = "frt_ms";
    public const string Resolutions = "res_n";
    public const string FirstContactResolutions = "fcr";
    public const string SlaMet = "sla";
    public const string Reopens = "reopens";
    public const string FeedbackItems = "fb_n";
    public const string Complaints = "complaints";
    public const string QaReviews = "qa_n";

    /// <summary>QA review scores summed in millionths of a point (see <c>KpiCalculator.QaScore</c>).</summary>
    public const string QaMicroPoints = "qa_micro";

    /// <summary>State field: cases open now.</summary>
    public const string Backlog = "backlog";

    /// <summary>Duration series kept for exact percentiles.</summary>
    public const string FirstResponseSeries = "frt";
    public const string ResolutionSeries = "res";
}
