using System.Diagnostics;
using Npgsql;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Baseline;

/// <summary>
/// The database's floor: single-row INSERTs, each its own committed transaction, into a logged table of the
/// system's PostgreSQL server — one at a time (commit latency) and from several connections (group commit).
/// </summary>
public static class PostgresBaseline
{
    public const string Operation = "single-row INSERT, autocommit, logged table";
    private const string Table = "quality_loadgenerator_baseline";

    public static async Task<BaselineResult> RunAsync(string connectionString, TimeSpan duration, int concurrency, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(concurrency, 10), ApplicationName = "quality-loadgenerator" };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await Execute(source, $"CREATE TABLE IF NOT EXISTS {Table} (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), body text NOT NULL)", ct);
        try
        {
            var latencies = new LatencyRecorder();
            var clock = Stopwatch.StartNew();
            var sequential = 0;
            await using (var connection = await source.OpenConnectionAsync(ct).ConfigureAwait(false))
            {
                while (clock.Elapsed < duration / 2)
                {
                    var start = Clock.Now;
                    await InsertAsync(connection, ct).ConfigureAwait(false);
                    latencies.Add(Clock.MillisecondsSince(start));
                    sequential++;
                }
            }

            var sequentialRate = sequential / clock.Elapsed.TotalSeconds;
            clock.Restart();
            var inserted = 0L;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                await using var connection = await source.OpenConnectionAsync(ct).ConfigureAwait(false);
                while (clock.Elapsed < duration / 2)
                {
                    await InsertAsync(connection, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref inserted);
                }
            })).ConfigureAwait(false);
            var concurrentRate = inserted / clock.Elapsed.TotalSeconds;
            return new BaselineResult("postgres", Operation, latencies.Summarize(), sequentialRate, concurrency, concurrentRate);
        }
        finally
        {
            await Execute(source, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"INSERT INTO {Table} (body) VALUES (@body)", connection);
        command.Parameters.AddWithValue("body", "送餐太慢了，饭菜都凉了，非常失望");
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task Execute(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
