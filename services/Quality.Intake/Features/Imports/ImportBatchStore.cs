using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Stores a batch of import rows inside the caller's transaction, the fast way: the classified rows go to a
/// temporary table by binary COPY, one <c>INSERT … SELECT … ON CONFLICT (channel, external_id) DO NOTHING
/// RETURNING id</c> keeps the ones not seen before (a resubmitted file stores nothing twice, also when two
/// imports race), and the events of exactly those rows go to the outbox by a second COPY. The relay hears
/// of them when the caller's EF transaction commits. Rows are inserted in (channel, external id) order, so
/// two overlapping imports take their locks in the same order and cannot deadlock. The rows arrive classified
/// (<see cref="ImportBatchPreparer"/>), so the next batch is classified while this one is written.
/// </summary>
public sealed class ImportBatchStore(IntakeDbContext db)
{
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
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE import_feedback (LIKE feedback INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await CopyFeedbackAsync(connection, fresh.Select(f => f.Item), cancellationToken);
        var inserted = await InsertNewAsync(connection, cancellationToken);
        var events = fresh.Where(f => inserted.Contains(f.Item.Id)).SelectMany(f => FeedbackSubmitter.Events(f.Item, f.Tier)).Select(OutboxMessage.For);
        await CopyOutboxAsync(connection, events, cancellationToken);
        return new ImportBatchResult(inserted.Count, duplicates + fresh.Count - inserted.Count, batch.Rejections);
    }

    /// <summary>Rows are written synchronously: they go to Npgsql's buffer, and async per field costs more than the rare flush blocks.</summary>
    private static async Task CopyFeedbackAsync(NpgsqlConnection connection, IEnumerable<FeedbackItem> items, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY import_feedback ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
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

    private static async Task<HashSet<Guid>> InsertNewAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
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
