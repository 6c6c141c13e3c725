using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Quality.Messaging.Persistence;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The deltas to the live values not yet known to be in Redis (<see cref="LivePendingDelta"/>). A delta is logged in
/// the transaction of the facts it follows from, so a crash, Redis being away or a rebuild in progress never loses
/// one: whatever the transaction that logged it could not apply is applied from here, and each is applied once.
/// </summary>
public sealed class LiveDeltaLog(ScoringDbContext db, LiveStore store, TimeProvider time, IOptions<LiveOptions> options)
{
    /// <summary>How long a delta is left to the process that logged it before the log applies it (either way, once).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>Logs a delta in the context's transaction.</summary>
    public async Task<LivePendingDelta> AppendAsync(LiveDelta delta, CancellationToken ct)
    {
        var payload = delta.Serialize();
        var now = time.GetUtcNow();
        await using var batch = new NpgsqlBatch
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO live_pending_deltas (payload, created_at) VALUES ($1, $2) RETURNING id")
                {
                    Parameters = { new NpgsqlParameter<string> { TypedValue = payload }, new NpgsqlParameter<DateTimeOffset> { TypedValue = now } },
                },
            },
        };
        var id = await db.ReadBatchAsync(batch, async (reader, token) => await reader.ReadAsync(token) ? reader.GetInt64(0) : throw new InvalidOperationException("No id returned."), ct);
        return new LivePendingDelta { Id = id, Payload = payload, CreatedAt = now };
    }

    /// <summary>
    /// Removes from the log what Redis has, and applies, oldest first, what it has not once the process that logged it
    /// has had <see cref="Grace"/> to; returns how many deltas it removed. Stops early while the live values are not
    /// complete (the deltas wait for the rebuild).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var ids = await db.Set<LivePendingDelta>().AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return removed;
            }

            // Almost always the transaction that logged a delta has applied it already: only the others are read.
            var applied = await store.AppliedAsync(ids);
            var waiting = ids.Where(id => !applied.Contains(id)).ToList();
            var stale = time.GetUtcNow() - Grace;
            var complete = true;
            if (waiting.Count > 0)
            {
                foreach (var delta in await db.Set<LivePendingDelta>().AsNoTracking()
                    .Where(d => waiting.Contains(d.Id) && d.CreatedAt <= stale).OrderBy(d => d.Id).ToListAsync(ct))
                {
                    if (!await store.ApplyAsync(delta))
                    {
                        complete = false;
                        break;
                    }

                    applied.Add(delta.Id);
                }
            }

            // The markers stay (they expire by themselves): a late copy of the logging process must still find them.
            var done = applied.Order().ToList();
            await db.Set<LivePendingDelta>().Where(d => done.Contains(d.Id)).ExecuteDeleteAsync(ct);
            removed += done.Count;
            if (!complete || done.Count == 0 || ids.Count < options.Value.BatchSize)
            {
                return removed;
            }
        }
    }
}
