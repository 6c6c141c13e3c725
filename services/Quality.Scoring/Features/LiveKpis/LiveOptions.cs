using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.LiveKpis;

public sealed class LiveOptions
{
    public const string SectionName = "Scoring:Live";

    /// <summary>How often a replica checks that the live values are complete and applies logged deltas Redis missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Entities read and written per step of a rebuild; logged deltas per step of draining the log.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
