using Npgsql;

namespace Quality.Notifications.Benchmark.Reporting;

/// <summary>
/// Reads, without writing anything, the service's own record of the run's deliveries in notificationsdb. The
/// delivery log API pages 500 attempts at a time, too few to count a dead receiver's thousands exactly.
/// </summary>
public static class DeliveryOutcomes
{
    public const string Database = "notificationsdb";

    public static async Task<IReadOnlyList<RuleOutcome>> ReadAsync(string serverConnection, IReadOnlyDictionary<Guid, string> rules, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = Database, ApplicationName = "quality-notifications-benchmark" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var ids = rules.Keys.ToArray();
        var outcomes = rules.ToDictionary(r => r.Key, r => new RuleOutcome(r.Value, 0, 0, 0, 0, 0, 0));

        await using (var command = new NpgsqlCommand("""
            SELECT rule_id, count(*), count(*) FILTER (WHERE status = 'delivered'), count(*) FILTER (WHERE status = 'pending'),
                   count(*) FILTER (WHERE status = 'dead'), coalesce(sum(attempts), 0)
            FROM deliveries WHERE rule_id = ANY(@ids) GROUP BY rule_id
            """, connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                outcomes[id] = outcomes[id] with
                {
                    Deliveries = (int)reader.GetInt64(1),
                    Delivered = (int)reader.GetInt64(2),
                    Pending = (int)reader.GetInt64(3),
                    Dead = (int)reader.GetInt64(4),
                    Attempts = (int)reader.GetInt64(5),
                };
            }
        }

        await using (var command = new NpgsqlCommand(
            "SELECT rule_id, count(*) FROM delivery_attempts WHERE rule_id = ANY(@ids) AND outcome <> 'delivered' GROUP BY rule_id", connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                outcomes[id] = outcomes[id] with { FailedAttempts = (int)reader.GetInt64(1) };
            }
        }

        return [.. outcomes.Values];
    }
}
