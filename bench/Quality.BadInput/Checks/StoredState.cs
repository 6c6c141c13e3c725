using Npgsql;

namespace Quality.BadInput.Checks;

/// <summary>
/// A fingerprint of every table in the services' databases: its row count and a hash of its rows. Taken before
/// and after the attacks, a difference names the table a refused request changed.
/// </summary>
public sealed class StoredState
{
    public static readonly IReadOnlyList<string> Databases =
        [ResourceNames.IntakeDb, ResourceNames.RoutingDb, ResourceNames.ScoringDb, ResourceNames.NotificationsDb];

    /// <summary>
    /// Bookkeeping, compared by row count only: the outbox relay marks rows published, the inbox records what was
    /// consumed, and Routing's SLA settings version is bumped by any statement on policies or calendars (a delete of
    /// an unknown id included) so that replicas reload them; a new row would still show.
    /// </summary>
    private static readonly HashSet<string> CountedOnly = ["outbox_messages", "inbox_messages", "sla_settings_version"];

    /// <summary>Columns that a refused request may rightly touch: an API key's last use is recorded before its request is judged.</summary>
    private static readonly Dictionary<string, string[]> IgnoredColumns = new() { ["api_keys"] = ["last_used_at"] };

    private StoredState(IReadOnlyDictionary<string, string> tables) => Tables = tables;

    /// <summary>"database.table" → "rows:hash".</summary>
    public IReadOnlyDictionary<string, string> Tables { get; }

    public static async Task<StoredState> ReadAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var table in names)
            {
                var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                var sql = CountedOnly.Contains(table)
                    ? $"SELECT count(*)::text FROM {quoted}"
                    : $"""
                       SELECT count(*) || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)), '')
                       FROM (SELECT md5((to_jsonb(t) - @ignored)::text) AS h FROM {quoted} t) rows
                       """;
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("ignored", IgnoredColumns.GetValueOrDefault(table) ?? []);
                tables[$"{database}.{table}"] = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
        }

        return new StoredState(tables);
    }

    /// <summary>
    /// The state once it holds still: read until two reads a second apart agree, so work still finishing from before
    /// the run (an event being consumed, a sweep) is not taken for an effect of the attacks.
    /// </summary>
    public static async Task<StoredState> ReadSettledAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var previous = await ReadAsync(serverConnectionString, cancellationToken);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var current = await ReadAsync(serverConnectionString, cancellationToken);
            if (current.DifferencesFrom(previous).Count == 0)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    /// <summary>The tables whose fingerprint differs, with both fingerprints.</summary>
    public IReadOnlyList<string> DifferencesFrom(StoredState before) =>
    [
        .. Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {Describe(before.Tables.GetValueOrDefault(t))} → {Describe(Tables.GetValueOrDefault(t))}"),
    ];

    private static string Describe(string? fingerprint) => fingerprint is null ? "absent" : $"{fingerprint.Split(':')[0]} rows";
}
