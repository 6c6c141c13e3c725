using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quality.Messaging.Persistence;

/// <summary>
/// Transaction-scoped advisory locks on several text keys at once, taken in the order of the keys' hashes: two
/// transactions that each lock some of the same keys this way wait for one another in turn, never in a circle.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>
    /// The statement, to send in a batch with others. <paramref name="moreKeys"/>, if given, is a query whose first
    /// column is more keys, found when the statement runs (its parameters are $2, $3, …: <paramref name="parameters"/>);
    /// they are locked in the same order as the rest.
    /// </summary>
    public static NpgsqlBatchCommand InKeyOrder(IEnumerable<string> keys, string? moreKeys = null, params NpgsqlParameter[] parameters)
    {
        // PostgreSQL evaluates a volatile output column after ORDER BY's sort, so the locks are taken in that order.
        var command = new NpgsqlBatchCommand($"""
            SELECT pg_advisory_xact_lock(h)
            FROM (SELECT DISTINCT {Hash} AS h FROM (SELECT unnest($1::text[]) AS k{(moreKeys is null ? "" : $" UNION ALL ({moreKeys})")}) AS keys) AS hashes
            ORDER BY h
            """)
        {
            Parameters = { new NpgsqlParameter<string[]> { TypedValue = [.. keys] } },
        };
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>
    /// A statement that tries the locks of the keys a query finds (its first column; its parameters $1, $2, …) without
    /// waiting: its one row is true when every lock was had (or there was none). For keys found too late to be locked
    /// in order, whose lock must not be waited for.
    /// </summary>
    public static NpgsqlBatchCommand TryAll(string keys, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand($"SELECT coalesce(bool_and(pg_try_advisory_xact_lock({Hash})), true) FROM ({keys}) AS found (k)");
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>Takes the locks in the context's transaction.</summary>
    public static async Task LockInKeyOrderAsync(this DbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch { BatchCommands = { InKeyOrder(keys) } };
        await db.ExecuteBatchAsync(batch, cancellationToken);
    }

    // One key, one lock: every statement here hashes the same way.
    private const string Hash = "hashtextextended(k, 0)";
}
