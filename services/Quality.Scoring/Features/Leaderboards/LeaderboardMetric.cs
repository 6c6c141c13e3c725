using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Features.Leaderboards;

/// <summary>
/// What agents are ranked by: a ratio of two per-agent sums over the window (the denominator is the sample count),
/// best first — highest, or lowest for times.
/// </summary>
public sealed record LeaderboardMetric(string Name, string Unit, string Numerator, string Denominator, double Multiplier, double Divisor, bool LowestFirst)
{
    public static readonly LeaderboardMetric CsatPercent =
        new("csat_percent", "percent", LiveFields.CsatSatisfied, LiveFields.CsatAnswers, 100, 1, LowestFirst: false);

    public static readonly LeaderboardMetric Resolved =
        new("resolved", "cases", LiveFields.Resolutions, LiveFields.Resolutions, 0, 1, LowestFirst: false);

    /// <summary>Average first-response time in seconds (the sums are milliseconds).</summary>
    public static readonly LeaderboardMetric FirstResponseTime =
        new("first_response_time_avg", "seconds", LiveFields.FirstResponseMilliseconds, LiveFields.FirstResponses, 1, 1000, LowestFirst: true);

    public static readonly IReadOnlyList<LeaderboardMetric> All = [CsatPercent, Resolved, FirstResponseTime];

    public IReadOnlyList<string> Fields => Numerator == Denominator ? [Numerator] : [Numerator, Denominator];

    /// <summary>A count (multiplier 0) is the sum itself; otherwise multiplier × numerator / denominator / divisor.</summary>
    public double ValueOf(double numerator, double denominator) => Multiplier == 0 ? numerator : Multiplier * numerator / denominator / Divisor;
}
