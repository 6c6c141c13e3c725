using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Quality.Messaging.Persistence;

public static class ContextBatches
{
    /// <summary>
    /// Sends <paramref name="batch"/> in one round trip on the context's connection, in its transaction (e.g. the
    /// inbox's) when it has one, so what the batch writes commits or rolls back with the rest of the unit of work.
    /// </summary>
    public static async Task ExecuteBatchAsync(this DbContext db, NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            batch.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            batch.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
