using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Quality.Contracts;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;

namespace Quality.Intake.Features.Feedback;

/// <summary>
/// Stores one feedback item and its events in a single statement, one round trip: a data-modifying CTE inserts
/// the row with <c>ON CONFLICT (channel, external id) DO NOTHING</c> and writes the outbox rows only if the row was
/// inserted. One statement is one transaction, so the item and its events commit together or not at all, and
/// a concurrent duplicate waits for the first copy and then stores nothing. EF's look-up, BEGIN, INSERTs and
/// COMMIT took three or four round trips and two pooled-connection rents for the same work.
/// </summary>
internal static class FeedbackRowInserter
{
    // Every column EF maps except the transcript turns (JSON), which items sent this way do not have.
    private const string Columns =
        "id, channel, external_id, text, customer_key, kind, category, severity, sentiment, language, confidence, evidence, " +
        "received_at, case_id, survey_type, survey_score, subject, occurred_at, source, rating, rating_min, rating_max, " +
        "customer_email, customer_phone, customer_name, pii_key_id, email_lookup, phone_lookup, erased_at";

    private static readonly string Sql = $"""
        WITH stored AS (
            INSERT INTO feedback ({Columns})
            VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "@" + c))})
            ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id
        ), events AS (
            INSERT INTO outbox_messages (id, message_type, payload, correlation_id, created_at)
            SELECT e.id, e.message_type, e.payload::jsonb, e.correlation_id, e.created_at
            FROM stored, unnest(@event_ids, @event_types, @event_payloads, @event_correlations, @event_times)
                AS e(id, message_type, payload, correlation_id, created_at)
        )
        SELECT count(*)::int FROM stored
        """;

    /// <summary>True when the item was stored; false when (channel, external id) was already taken.</summary>
    public static async Task<bool> InsertAsync(
        IntakeDbContext db, FeedbackItem item, IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var messages = events.Select(OutboxMessage.For).ToArray();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            var p = command.Parameters;
            p.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = item.Id });
            p.Add(Text("channel", item.Channel));
            p.Add(Text("external_id", item.ExternalId));
            p.Add(new NpgsqlParameter<string>("text", NpgsqlDbType.Text) { TypedValue = item.Text });
            p.Add(Text("customer_key", item.CustomerKey));
            // Enums as EF stores them: by name.
            p.Add(Text("kind", item.Kind.ToString()));
            p.Add(Text("category", item.Category));
            p.Add(new NpgsqlParameter<int>("severity", NpgsqlDbType.Integer) { TypedValue = item.Severity });
            p.Add(new NpgsqlParameter<double>("sentiment", NpgsqlDbType.Double) { TypedValue = item.Sentiment });
            p.Add(Text("language", item.Language));
            p.Add(new NpgsqlParameter<double>("confidence", NpgsqlDbType.Double) { TypedValue = item.Confidence });
            p.Add(new NpgsqlParameter<List<string>>("evidence", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = item.Evidence });
            p.Add(Time("received_at", item.ReceivedAt));
            p.Add(new NpgsqlParameter("case_id", NpgsqlDbType.Uuid) { Value = (object?)item.CaseId ?? DBNull.Value });
            p.Add(Text("survey_type", item.SurveyType?.ToString()));
            p.Add(new NpgsqlParameter("survey_score", NpgsqlDbType.Integer) { Value = (object?)item.SurveyScore ?? DBNull.Value });
            p.Add(Text("subject", item.Subject));
            p.Add(Time("occurred_at", item.OccurredAt));
            p.Add(Text("source", item.Source));
            p.Add(Number("rating", item.Rating));
            p.Add(Number("rating_min", item.RatingMin));
            p.Add(Number("rating_max", item.RatingMax));
            p.Add(Bytes("customer_email", item.CustomerEmail));
            p.Add(Bytes("customer_phone", item.CustomerPhone));
            p.Add(Bytes("customer_name", item.CustomerName));
            p.Add(Text("pii_key_id", item.PiiKeyId));
            p.Add(Bytes("email_lookup", item.EmailLookup));
            p.Add(Bytes("phone_lookup", item.PhoneLookup));
            p.Add(Time("erased_at", item.ErasedAt));
            p.Add(new NpgsqlParameter<Guid[]>("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. messages.Select(m => m.Id)] });
            p.Add(new NpgsqlParameter<string[]>("event_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. messages.Select(m => m.MessageType)] });
            p.Add(new NpgsqlParameter<string[]>("event_payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. messages.Select(m => m.Payload)] });
            p.Add(new NpgsqlParameter<Guid[]>("event_correlations", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. messages.Select(m => m.CorrelationId)] });
            p.Add(new NpgsqlParameter<DateTimeOffset[]>("event_times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                TypedValue = [.. messages.Select(m => m.CreatedAt.ToUniversalTime())],
            });
            return (int)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Varchar) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Bytes(string name, byte[]? value) =>
        new(name, NpgsqlDbType.Bytea) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Number(string name, double? value) =>
        new(name, NpgsqlDbType.Double) { Value = (object?)value ?? DBNull.Value };

    /// <summary>PostgreSQL stores the instant; Npgsql accepts only UTC offsets for <c>timestamptz</c>.</summary>
    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value };
}
