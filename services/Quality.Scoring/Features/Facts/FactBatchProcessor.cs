using Quality.Messaging.Inbox;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// Stores a batch of events as facts, once each (the inbox receipts and the facts in one transaction, one statement
/// each), then folds what they affect into the live values: each entity once per batch, however many of the events
/// concern it. The fold runs even for messages the inbox has seen, so a crash between the two is repaired by the
/// redelivery; folding is idempotent.
/// </summary>
public sealed class FactBatchProcessor(Inbox<ScoringDbContext> inbox, FactRecorder facts, LiveFolder live)
{
    public async Task ProcessAsync(IReadOnlyList<FactMessage> messages, CancellationToken ct)
    {
        await inbox.ProcessOnceAsync(
            [.. messages.Select(m => m.Receipt)],
            (fresh, token) => facts.RecordAsync([.. messages.Where(m => fresh.Contains(m.Receipt)).Select(m => m.Event)], token),
            ct);
        await live.FoldAsync([.. messages.Select(m => m.Event)], ct);
    }
}
