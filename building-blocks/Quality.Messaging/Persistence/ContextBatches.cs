using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Quality.Messaging.Persistence;

/// <summary>
/// Npgsql batches sent in one round trip on a context's connection, in its transaction (e.g. the inbox's) when it has
/// one, so what a batch reads sees the unit of work and what it writes commits or rolls back with the rest.
/// </summary>
public static class ContextBatches
{
    public static Task ExecuteBatchAsync(this DbContext db, NpgsqlBatch batch, CancellationToken cancellationToken) =>
        db.OnConnectionAsync(batch, () => batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>Sends <paramref name="batch"/> and hands its results to <paramref name="read"/>, the connection still open.</summary>
    public static Task<T> ReadBatchAsync<T>(
        this DbContext db, NpgsqlBatch batch, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        db.OnConnectionAsync(batch, async () =>
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }, cancellationToken);

    private static async Task<T> OnConnectionAsync<T>(this DbContext db, NpgsqlBatch batch, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            batch.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            batch.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            return await send();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
