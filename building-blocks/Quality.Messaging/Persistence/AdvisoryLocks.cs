using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quality.Messaging.Persistence;

/// <summary>
/// Transaction-scoped advisory locks on several text keys at once, taken in the order of the keys' hashes: two
/// transactions that each lock some of the same keys this way wait for one another in turn, never in a circle.
/// </summary>
public static class AdvisoryLocks
{
    // PostgreSQL evaluates a volatile output column after ORDER BY's sort, so the locks are taken in that order.
    private const string InKeyOrderSql = """
        SELECT pg_advisory_xact_lock(h)
        FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k) AS keys
        ORDER BY h
        """;

    /// <summary>The statement, to send in a batch with others.</summary>
    public static NpgsqlBatchCommand InKeyOrder(IEnumerable<string> keys) =>
        new(InKeyOrderSql) { Parameters = { new() { Value = keys.ToArray() } } };

    /// <summary>Takes the locks in the context's transaction.</summary>
    public static async Task LockInKeyOrderAsync(this DbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch { BatchCommands = { InKeyOrder(keys) } };
        await db.ExecuteBatchAsync(batch, cancellationToken);
    }
}
