using Quality.Messaging.Batching;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// How events are stored and folded in batches (see <see cref="MessageBatchOptions"/>). The time limit bounds the delay
/// a batch adds to the live feed; under load batches fill before it passes.
/// </summary>
public sealed class FactBatchOptions : MessageBatchOptions
{
    public const string SectionName = "Scoring:Facts";

    public FactBatchOptions() => MessageLimit = 100;
}
