namespace Quality.Scoring.Features.Kpis;

/// <summary>
/// Every KPI, defined once. docs/kpis.md repeats these formulas for readers; <see cref="KpiCalculator"/>
/// implements them. Percentages are 0–100; durations are seconds; percentiles are nearest-rank.
/// </summary>
public static class KpiDefinitions
{
    public static readonly KpiDefinition CsatPercent = new("csat_percent", "percent",
        "100 * count(CSAT answers with score 4 or 5) / count(CSAT answers)", 0, 100, HigherIsBetter: true);

    public static readonly KpiDefinition Nps = new("nps", "score",
        "100 * (count(NPS answers 9-10) - count(NPS answers 0-6)) / count(NPS answers)", -100, 100, HigherIsBetter: true);

    public static readonly KpiDefinition CesAverage = new("ces_average", "score",
        "sum(CES scores) / count(CES answers)", 1, 7, HigherIsBetter: true);

    public static readonly KpiDefinition FirstResponseP50 = new("first_response_time_p50", "seconds",
        "nearest-rank 50th percentile of first-response business time", 0, null, HigherIsBetter: false);

    public static readonly KpiDefinition FirstResponseP90 = new("first_response_time_p90", "seconds",
        "nearest-rank 90th percentile of first-response business time", 0, null, HigherIsBetter: false);

    public static readonly KpiDefinition ResolutionP50 = new("resolution_time_p50", "seconds",
        "nearest-rank 50th percentile of resolution business time", 0, null, HigherIsBetter: false);

    public static readonly KpiDefinition ResolutionP90 = new("resolution_time_p90", "seconds",
        "nearest-rank 90th percentile of resolution business time", 0, null, HigherIsBetter: false);

    public static readonly KpiDefinition FirstContactResolution = new("first_contact_resolution_percent", "percent",
        "100 * count(resolutions with first-contact resolution) / count(resolutions)", 0, 100, HigherIsBetter: true);

    public static readonly KpiDefinition SlaCompliance = new("sla_compliance_percent", "percent",
        "100 * count(resolutions with SLA met) / count(resolutions)", 0, 100, HigherIsBetter: true);

    public static readonly KpiDefinition ReopenRate = new("reopen_rate_percent", "percent",
        "100 * count(reopens) / count(resolutions)", 0, 100, HigherIsBetter: false);

    public static readonly KpiDefinition Backlog = new("backlog", "cases",
        "count(cases opened before the period end whose last resolve/reopen before the end is not a resolve)", 0, null, HigherIsBetter: false);

    public static readonly KpiDefinition ComplaintRate = new("complaint_rate_percent", "percent",
        "100 * count(feedback items of kind complaint) / count(feedback items)", 0, 100, HigherIsBetter: false);

    public static readonly KpiDefinition QaScore = new("qa_score", "score",
        "sum(final QA review scores) / count(QA reviews), each 0-100 (0 if a critical criterion failed; a decided dispute's adjusted score)", 0, 100, HigherIsBetter: true);

    /// <summary>In the order the API lists them.</summary>
    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        CsatPercent, Nps, CesAverage, FirstResponseP50, FirstResponseP90, ResolutionP50, ResolutionP90,
        FirstContactResolution, SlaCompliance, ReopenRate, Backlog, ComplaintRate, QaScore,
    ];

    public static KpiDefinition? Named(string? name) => All.FirstOrDefault(d => d.Name == name);
}
