using System.ComponentModel.DataAnnotations;

namespace Quality.Scoring.Features.Facts;

public sealed class FactBatchOptions
{
    public const string SectionName = "Scoring:Facts";

    /// <summary>Events stored and folded together at most.</summary>
    [Range(1, 1_000)]
    public int MessageLimit { get; set; } = 100;

    /// <summary>
    /// How long a batch waits for more events after its first. Short: every event waits this long at most before it
    /// is stored, so it bounds the delay added to the live feed; under load batches fill before it passes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches processed at the same time on a replica.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>Messages each event's queue hands out at once: enough to fill every concurrent batch from one queue.</summary>
    public int ConcurrentMessagesPerQueue => MessageLimit * Concurrency;
}
