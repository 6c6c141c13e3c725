namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// The fixed history's KPIs for its day, worked out by hand (value, sample count). Null: nothing to measure.
/// Percentiles are nearest rank: of n sorted values, the ceil(p·n)-th.
/// </summary>
public static class ExpectedKpis
{
    /// <summary>
    /// CSAT 5,2,4,5,3 → 3 of 5; NPS 10,0,9,9,6 → (3 − 2)/5; CES 2,4,6; first responses 600,1800,3600 s;
    /// resolutions 3600,7200,14400 s (C6's is the day before), FCR and SLA 2 of 3, one reopen; open at the end
    /// C2 (reopened), C4, C5; feedback in the day 7, of which 5 complaints.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double? Value, long Samples)> Organisation = new Dictionary<string, (double?, long)>
    {
        ["csat_percent"] = (60, 5),
        ["nps"] = (20, 5),
        ["ces_average"] = (4, 3),
        ["first_response_time_p50"] = (1800, 3),
        ["first_response_time_p90"] = (3600, 3),
        ["resolution_time_p50"] = (7200, 3),
        ["resolution_time_p90"] = (14400, 3),
        ["first_contact_resolution_percent"] = (200 / 3.0, 3),
        ["sla_compliance_percent"] = (200 / 3.0, 3),
        ["reopen_rate_percent"] = (100 / 3.0, 3),
        ["backlog"] = (3, 3),
        ["complaint_rate_percent"] = (500 / 7.0, 7),
        ["qa_score"] = (null, 0),
    };

    /// <summary>
    /// Cases C1, C2, C3, C5. CSAT 5,2,4; NPS 10,0,9; CES 2,4; first responses 600, 1800 s; the same three
    /// resolutions as the organisation (C2's through its assignment); open C2 and C5 (team from its opening);
    /// feedback F1, F2, F3 (through C3's opening), F5: all complaints.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double? Value, long Samples)> TeamT = new Dictionary<string, (double?, long)>
    {
        ["csat_percent"] = (200 / 3.0, 3),
        ["nps"] = (100 / 3.0, 3),
        ["ces_average"] = (3, 2),
        ["first_response_time_p50"] = (600, 2),
        ["first_response_time_p90"] = (1800, 2),
        ["resolution_time_p50"] = (7200, 3),
        ["resolution_time_p90"] = (14400, 3),
        ["first_contact_resolution_percent"] = (200 / 3.0, 3),
        ["sla_compliance_percent"] = (200 / 3.0, 3),
        ["reopen_rate_percent"] = (100 / 3.0, 3),
        ["backlog"] = (2, 2),
        ["complaint_rate_percent"] = (100, 4),
        ["qa_score"] = (null, 0),
    };

    /// <summary>Cases C1, C3: both resolved at first contact within SLA, nothing open.</summary>
    public static readonly IReadOnlyDictionary<string, (double? Value, long Samples)> AgentA1 = new Dictionary<string, (double?, long)>
    {
        ["csat_percent"] = (100, 2),
        ["nps"] = (100, 2),
        ["ces_average"] = (3, 2),
        ["first_response_time_p50"] = (600, 1),
        ["first_response_time_p90"] = (600, 1),
        ["resolution_time_p50"] = (3600, 2),
        ["resolution_time_p90"] = (7200, 2),
        ["first_contact_resolution_percent"] = (100, 2),
        ["sla_compliance_percent"] = (100, 2),
        ["reopen_rate_percent"] = (0, 2),
        ["backlog"] = (0, 0),
        ["complaint_rate_percent"] = (100, 2),
        ["qa_score"] = (null, 0),
    };

    /// <summary>
    /// C2 (and C6, the day before). Its resolution names no agent: attributed through the assignment; reopened,
    /// so open at the end. No CES answer.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double? Value, long Samples)> AgentA2 = new Dictionary<string, (double?, long)>
    {
        ["csat_percent"] = (0, 1),
        ["nps"] = (-100, 1),
        ["ces_average"] = (null, 0),
        ["first_response_time_p50"] = (1800, 1),
        ["first_response_time_p90"] = (1800, 1),
        ["resolution_time_p50"] = (14400, 1),
        ["resolution_time_p90"] = (14400, 1),
        ["first_contact_resolution_percent"] = (0, 1),
        ["sla_compliance_percent"] = (0, 1),
        ["reopen_rate_percent"] = (100, 1),
        ["backlog"] = (1, 1),
        ["complaint_rate_percent"] = (100, 1),
        ["qa_score"] = (null, 0),
    };
}
