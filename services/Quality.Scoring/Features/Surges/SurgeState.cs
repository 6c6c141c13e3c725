namespace Quality.Scoring.Features.Surges;

/// <summary>
/// One category's baseline (an exponentially weighted mean and variance of its complaints per interval) and its current
/// surge episode. Changed only under the row's lock, together with the outbox row that announces an episode.
/// </summary>
public sealed class SurgeState
{
    public required string Category { get; init; }

    /// <summary>The first interval not yet folded into the baseline (aligned on the first run that sees it).</summary>
    public DateTimeOffset NextInterval { get; set; }

    public double Mean { get; set; }
    public double Variance { get; set; }

    /// <summary>How many intervals the baseline has seen.</summary>
    public int Intervals { get; set; }

    public bool InSurge { get; set; }

    /// <summary>The interval the episode started in, its count then, and the baseline it was measured against.</summary>
    public DateTimeOffset? EpisodeStart { get; set; }
    public int EpisodeCount { get; set; }
    public double EpisodeBaseline { get; set; }
    public double EpisodeThreshold { get; set; }

    /// <summary>Set when <c>ComplaintSurge</c> was written to the outbox for this episode; cleared when the episode ends.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }

    /// <summary>Identifies the episode; the event's correlation id.</summary>
    public Guid? EpisodeId { get; set; }
}
