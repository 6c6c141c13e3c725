using System.Net.Http.Headers;
using System.Text;
using Quality.Testing;

namespace Quality.Intake.Tests.Features.Imports;

/// <summary>
/// Alone: these start extra Intake hosts, whose import workers would take other tests' queued jobs, and stop
/// one in the middle of a file on purpose.
/// </summary>
[Collection(typeof(Alone))]
public sealed class ImportStoreTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_imported_twice_or_by_two_workers_at_once_stores_each_row_once_with_its_events_once()
    {
        using var client = servers.Client();
        await using var otherReplica = servers.WithSettings(new Dictionary<string, string?>());
        using var otherClient = Authorized(otherReplica.CreateClient());
        var run = Guid.NewGuid().ToString("N");
        var rows = Enumerable.Range(0, 300).Select(i => $"{run}-{i},\"{(i % 2 == 0 ? "送餐太慢了，饭菜都凉了" : "Lovely food, thank you")} #{i}\",c-{i}").ToList();
        var first = Csv(rows[..200]);
        var overlapping = Csv(rows[100..]);

        // Two replicas' workers at once over rows 100–199 (each upload wakes its own), then the first file again.
        var racing = await Task.WhenAll(Imports.StartAsync(client, first, "text/csv"), Imports.StartAsync(otherClient, overlapping, "text/csv"));
        var raced = await Task.WhenAll(racing.Select(id => Imports.FinishedAsync(client, id, TimeSpan.FromSeconds(60))));
        var again = await Imports.FinishedAsync(client, await Imports.StartAsync(client, first, "text/csv"));

        Assert.Equal(300L, raced.Sum(j => j.GetProperty("stored").GetInt64()));
        Assert.Equal(100L, raced.Sum(j => j.GetProperty("duplicates").GetInt64()));
        Assert.Equal((0L, 200L), (again.GetProperty("stored").GetInt64(), again.GetProperty("duplicates").GetInt64()));
        Assert.Equal(300L, await Imports.CountStoredAsync(servers, $"{run}-%"));
        var events = await EventCountsAsync(run);
        Assert.Equal((300L, 150L), (events.Received, events.Complaints));
    }

    [Fact]
    public async Task A_worker_stopped_mid_file_leaves_exact_progress_and_a_restarted_one_finishes_without_storing_a_row_twice()
    {
        const int Total = 4_000;
        var run = Guid.NewGuid().ToString("N");
        var file = Csv(Enumerable.Range(0, Total).Select(i => $"{run}-{i},\"The courier was late, order {i}\",c-{i % 50}"));
        string jobId;
        await using (var first = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Import:BatchSize"] = "20" }))
        {
            using var client = Authorized(first.CreateClient());
            jobId = await Imports.StartAsync(client, file, "text/csv");
            await Eventually.Async(() => Imports.GetAsync(client, jobId), job => job.GetProperty("rowsRead").GetInt64() >= 200);
        } // the host stops: its worker is cancelled in the middle of the file

        using var reader = servers.Client();
        var stopped = await Imports.GetAsync(reader, jobId);
        var storedBefore = stopped.GetProperty("stored").GetInt64();
        Assert.Equal("running", stopped.GetProperty("status").GetString());
        Assert.InRange(storedBefore, 200, Total - 1);
        Assert.Equal(storedBefore, await Imports.CountStoredAsync(servers, $"{run}-%"));

        // As if the stopped worker's heartbeat had gone stale (Intake:Import:StallAfter), so a new worker takes the job over.
        await using (var connection = await servers.OpenDatabaseAsync())
        await using (var stale = connection.CreateCommand())
        {
            stale.CommandText = "UPDATE import_jobs SET heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = @id";
            stale.Parameters.AddWithValue("id", Guid.Parse(jobId));
            await stale.ExecuteNonQueryAsync(Cancellation);
        }

        await using var second = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Import:StallAfter"] = "00:00:10" });
        using var resumed = Authorized(second.CreateClient());
        var finished = await Imports.FinishedAsync(resumed, jobId, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal(((long)Total, (long)Total, 0L), (finished.GetProperty("rowsRead").GetInt64(), finished.GetProperty("stored").GetInt64(), finished.GetProperty("duplicates").GetInt64()));
        Assert.Equal((long)Total, await Imports.CountStoredAsync(servers, $"{run}-%"));
        Assert.Equal((long)Total, (await EventCountsAsync(run)).Received);
    }

    private static byte[] Csv(IEnumerable<string> rows) => Encoding.UTF8.GetBytes("externalId,text,customerId\n" + string.Join("\n", rows) + "\n");

    private static HttpClient Authorized(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeServers.Token("admin"));
        return client;
    }

    private async Task<(long Received, long Complaints)> EventCountsAsync(string run)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT count(*) FILTER (WHERE o.message_type LIKE 'Quality.Contracts.Intake.FeedbackReceived,%'),
                   count(*) FILTER (WHERE o.message_type LIKE 'Quality.Contracts.Intake.ComplaintRaised,%')
            FROM outbox_messages o JOIN feedback f ON f.id = o.correlation_id
            WHERE f.channel = 'import' AND f.external_id LIKE @pattern
            """;
        count.Parameters.AddWithValue("pattern", $"{run}-%");
        await using var reader = await count.ExecuteReaderAsync(Cancellation);
        await reader.ReadAsync(Cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
