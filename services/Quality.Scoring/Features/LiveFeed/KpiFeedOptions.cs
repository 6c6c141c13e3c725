using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.LiveFeed;

public sealed class KpiFeedOptions
{
    public const string SectionName = "Scoring:Feed";

    /// <summary>
    /// A watched scope is also re-read this often without being told of a change: values age out of a window as time
    /// passes, and while Redis is away no change is announced.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Feed subscribers one replica holds at most; one more is refused (RESOURCE_EXHAUSTED) rather than slowing the others.</summary>
    [Range(1, 1_000_000)]
    public int MaxSubscribers { get; set; } = 10_000;
}
