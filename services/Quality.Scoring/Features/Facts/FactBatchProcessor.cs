using Quality.Contracts;
using Quality.Messaging.Inbox;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// Stores a batch of events as facts, once each, and folds what they change into the live values, in one transaction
/// (the inbox receipts, the facts, one statement each, and the logged delta), then applies the delta to Redis. Each
/// entity is folded once per batch, however many of the events concern it.
/// </summary>
public sealed class FactBatchProcessor(Inbox<ScoringDbContext> inbox, FactRecorder facts, LiveFolder live)
{
    public async Task ProcessAsync(IReadOnlyList<FactMessage> messages, CancellationToken ct)
    {
        LivePendingDelta? delta = null;
        await inbox.ProcessOnceAsync(
            [.. messages.Select(m => m.Receipt)],
            async (fresh, token) =>
            {
                List<IntegrationEvent> events = [.. messages.Where(m => fresh.Contains(m.Receipt)).Select(m => m.Event)];
                await facts.RecordAsync(events, token);
                delta = await live.FoldWrittenAsync(LiveFolder.EntitiesOf(events), token);
            },
            ct);
        await live.ApplyAsync(delta);
    }
}
