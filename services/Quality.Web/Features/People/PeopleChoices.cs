namespace Quality.Web.Features.People;

/// <summary>What the people view offers to choose; anything else (a crafted address) falls back to the first.</summary>
public static class PeopleChoices
{
    /// <summary>Scoring's leaderboard metrics.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["csat_percent", "resolved", "first_response_time_avg"];

    /// <summary>Leaderboards are live: Scoring ranks over these windows only.</summary>
    public static readonly IReadOnlyList<string> BoardPeriods = ["last_24h", "last_hour"];

    public static readonly IReadOnlyList<string> ScorecardPeriods = ["week", "day", "month", "last_24h"];

    public static string Pick(IReadOnlyList<string> offered, string? chosen) =>
        chosen is not null && offered.Contains(chosen) ? chosen : offered[0];
}
