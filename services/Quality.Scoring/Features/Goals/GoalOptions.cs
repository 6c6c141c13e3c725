using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.Goals;

public sealed class GoalOptions
{
    public const string SectionName = "Scoring:Goals";

    /// <summary>How often each open goal is re-evaluated (progress, forecast, at-risk).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after the deadline the outcome is decided, so events stamped before the deadline that are still in
    /// flight count towards it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Samples needed before a forecast may call a goal at risk (so one early bad answer does not).</summary>
    [Range(1, 1_000_000)]
    public int MinimumSamples { get; set; } = 10;

    /// <summary>Goals evaluated per transaction.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 50;
}
