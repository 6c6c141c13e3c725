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
public sealed class FactBatchProcessor(Inbox<ScoringDbContext> inbox, FactRecorder facts, LiveFolder live, LiveStore store)
{
    /// <summary>Attempts of a batch that found an entity to fold locked out of turn (see <see cref="LiveEntityBusyException"/>).</summary>
    private const int Attempts = 3;

    /// <summary>Stores and folds the batch, and applies its delta to Redis.</summary>
    public async Task ProcessAsync(IReadOnlyList<FactMessage> messages, CancellationToken ct) => await store.ApplyAfterCommitAsync(await StoreAsync(messages, ct));

    /// <summary>
    /// Stores and folds the batch: once this returns, its facts and its delta are committed (the messages may be
    /// acknowledged). Returns the delta, for <see cref="LiveStore.ApplyAfterCommitAsync"/>.
    /// </summary>
    public async Task<LivePendingDelta?> StoreAsync(IReadOnlyList<FactMessage> messages, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreOnceAsync(messages, ct);
            }
            catch (LiveEntityBusyException) when (attempt < Attempts)
            {
                // Rolled back: the next attempt locks the case it met in order.
            }
        }
    }

    private async Task<LivePendingDelta?> StoreOnceAsync(IReadOnlyList<FactMessage> messages, CancellationToken ct)
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
        return delta;
    }
}
