using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.Surges;

public sealed class SurgeOptions
{
    public const string SectionName = "Scoring:Surges";

    /// <summary>Complaints are counted per category in intervals of this length, aligned to the Unix epoch.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Weight of the newest interval in the baseline's moving mean and variance (EWMA).</summary>
    [Range(0.001, 1.0)]
    public double Smoothing { get; set; } = 0.1;

    /// <summary>A surge is a count above mean + this many standard deviations.</summary>
    [Range(0.5, 100.0)]
    public double Threshold { get; set; } = 3;

    /// <summary>Fewer complaints than this in an interval are never a surge, however quiet the category usually is.</summary>
    [Range(1, 1_000_000)]
    public int MinimumCount { get; set; } = 5;

    /// <summary>Intervals of history a category needs before it can surge.</summary>
    [Range(1, 100_000)]
    public int MinimumHistory { get; set; } = 8;

    /// <summary>How long after an interval ends it is folded into the baseline, so late complaints still count in it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Lateness { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back history is read: for a new category, and after an outage (older intervals are skipped).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan History { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each replica looks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
