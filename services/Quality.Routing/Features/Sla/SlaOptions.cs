using System.ComponentModel.DataAnnotations;

namespace Quality.Routing.Features.Sla;

public sealed class SlaOptions
{
    public const string SectionName = "Routing:Sla";

    /// <summary>How often each replica looks for due timers; a timer fires at most about this long after its deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Timers claimed per transaction; a full batch is followed at once by the next.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
