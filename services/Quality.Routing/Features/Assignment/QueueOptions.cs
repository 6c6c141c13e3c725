using System.ComponentModel.DataAnnotations;

namespace Quality.Routing.Features.Assignment;

public sealed class QueueOptions
{
    public const string SectionName = "Routing:Queue";

    /// <summary>
    /// How often the queue is swept for cases an agent could take. Backfill on freed capacity does the
    /// real work; the sweep catches the case opened while a slot was freed on another replica.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queued cases looked at per sweep, most urgent first.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;
}
