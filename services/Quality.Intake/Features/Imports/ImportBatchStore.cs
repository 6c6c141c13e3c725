using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Stores a batch of import rows inside the caller's transaction, the fast way. A new file's rows are new, so
/// first they are copied straight into <c>feedback</c> by binary COPY, under a savepoint. When some (channel,
/// external id) is there already (a resubmitted file, two imports racing), that COPY fails on the unique index and
/// is rolled back to the savepoint, and the batch takes the careful path: a temporary table by COPY, then one
/// <c>INSERT … SELECT … ON CONFLICT (channel, external_id) DO NOTHING RETURNING id</c> keeps the rows not seen
/// before. Either way the events of exactly the stored rows go to the outbox by a second COPY, and the relay hears
/// of them when the caller's EF transaction commits. Rows go in (channel, external id) order, so two overlapping
/// imports take their locks in the same order. The rows arrive classified (<see cref="ImportBatchPreparer"/>), so
/// the next batch is classified while this one is written.
/// </summary>
public sealed class ImportBatchStore(IntakeDbContext db)
{
    private const string CopySavepoint = "import_copy";

    private const string Columns =
        "id, channel, external_id, text, customer_key, kind, category, severity, sentiment, language, confidence, evidence, " +
        "received_at, customer_email, customer_phone, customer_name, pii_key_id, email_lookup, phone_lookup";

    public async Task<ImportBatchResult> StoreAsync(PreparedImportBatch batch, CancellationToken cancellationToken)
    {
        var fresh = batch.Fresh;
        var duplicates = batch.Duplicates;
        if (fresh.Count == 0)
        {
            return new ImportBatchResult(0, duplicates, batch.Rejections);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Every row of an import has the import channel: external id order is (channel, external id) order.
        var items = fresh.Select(f => f.Item).OrderBy(i => i.ExternalId, StringComparer.Ordinal).ToList();
        var inserted = await TryCopyAllAsync(connection, items, cancellationToken)
            ?? await InsertNewAsync(connection, items, cancellationToken);
        var events = fresh.Where(f => inserted.Contains(f.Item.Id)).SelectMany(f => FeedbackSubmitter.Events(f.Item, f.Tier)).Select(OutboxMessage.For);
        await CopyOutboxAsync(connection, events, cancellationToken);
        return new ImportBatchResult(inserted.Count, duplicates + fresh.Count - inserted.Count, batch.Rejections);
    }

    /// <summary>
    /// Copies every item straight into <c>feedback</c>; null, with nothing stored, when one of them is there already.
    /// A deadlock with an import that took some of the same ids in another order ends the same way: the careful
    /// path then waits for that import's rows and skips them.
    /// </summary>
    private async Task<HashSet<Guid>?> TryCopyAllAsync(NpgsqlConnection connection, List<FeedbackItem> items, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An import batch is stored inside the caller's transaction.");
        await transaction.CreateSavepointAsync(CopySavepoint, cancellationToken);
        try
        {
            await CopyFeedbackAsync(connection, "feedback", items, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
        {
            await transaction.RollbackToSavepointAsync(CopySavepoint, cancellationToken);
            return null;
        }

        await transaction.ReleaseSavepointAsync(CopySavepoint, cancellationToken);
        return items.Select(i => i.Id).ToHashSet();
    }

    /// <summary>Rows are written synchronously: they go to Npgsql's buffer, and async per field costs more than the rare flush blocks.</summary>
    private static async Task CopyFeedbackAsync(NpgsqlConnection connection, string table, IEnumerable<FeedbackItem> items, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var item in items)
        {
            copy.StartRow();
            copy.Write(item.Id, NpgsqlDbType.Uuid);
            copy.Write(item.Channel, NpgsqlDbType.Varchar);
            Write(copy, item.ExternalId, NpgsqlDbType.Varchar);
            copy.Write(item.Text, NpgsqlDbType.Text);
            Write(copy, item.CustomerKey, NpgsqlDbType.Varchar);
            // As EF stores the enum: its name.
            copy.Write(item.Kind.ToString(), NpgsqlDbType.Varchar);
            copy.Write(item.Category, NpgsqlDbType.Varchar);
            copy.Write(item.Severity, NpgsqlDbType.Integer);
            copy.Write(item.Sentiment, NpgsqlDbType.Double);
            copy.Write(item.Language, NpgsqlDbType.Varchar);
            copy.Write(item.Confidence, NpgsqlDbType.Double);
            copy.Write(item.Evidence, NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write(item.ReceivedAt, NpgsqlDbType.TimestampTz);
            Write(copy, item.CustomerEmail, NpgsqlDbType.Bytea);
            Write(copy, item.CustomerPhone, NpgsqlDbType.Bytea);
            Write(copy, item.CustomerName, NpgsqlDbType.Bytea);
            Write(copy, item.PiiKeyId, NpgsqlDbType.Varchar);
            Write(copy, item.EmailLookup, NpgsqlDbType.Bytea);
            Write(copy, item.PhoneLookup, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The careful path: only the items whose (channel, external id) is not stored yet; returns their ids.</summary>
    private async Task<HashSet<Guid>> InsertNewAsync(NpgsqlConnection connection, List<FeedbackItem> items, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE import_feedback (LIKE feedback INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await CopyFeedbackAsync(connection, "import_feedback", items, cancellationToken);
        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO feedback ({Columns})
            SELECT {Columns} FROM import_feedback ORDER BY channel, external_id
            ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id
            """, connection);
        var inserted = new HashSet<Guid>();
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    private static async Task CopyOutboxAsync(NpgsqlConnection connection, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (id, message_type, payload, correlation_id, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var message in messages)
        {
            copy.StartRow();
            copy.Write(message.Id, NpgsqlDbType.Uuid);
            copy.Write(message.MessageType, NpgsqlDbType.Varchar);
            copy.Write(message.Payload, NpgsqlDbType.Jsonb);
            copy.Write(message.CorrelationId, NpgsqlDbType.Uuid);
            copy.Write(message.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static void Write<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : class
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
