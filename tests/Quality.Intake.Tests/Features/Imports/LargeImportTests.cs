using System.Diagnostics;
using Quality.Intake.Features.Imports;
using Quality.Testing;

namespace Quality.Intake.Tests.Features.Imports;

[CollectionDefinition(DisableParallelization = true)]
public sealed class Alone;

/// <summary>Runs alone, so the heap these tests measure is theirs and not other tests'.</summary>
[Collection(typeof(Alone))]
public sealed class LargeImportTests(IntakeServers servers)
{
    private const int Rows = 50_000;

    /// <summary>End to end through PostgreSQL and the outbox: enough batches to watch progress, few enough to stay quick on a shared machine.</summary>
    private const int StoredRows = 20_000;
    private static readonly string LongText = string.Concat(Enumerable.Repeat("The courier was late again and the soup arrived cold. 送餐太慢了，饭菜都凉了。", 8));

    [Fact]
    public async Task Reading_a_large_csv_holds_a_row_at_a_time_not_the_file()
    {
        var file = new GeneratedFile("externalId,text,customerId\n", Rows, i => $"r-{i},\"Order {i}: {LongText}\",c-{i}\n");

        var (rows, growth) = await ReadAllAsync(CsvImportReader.ReadAsync(file, 0, TestContext.Current.CancellationToken));

        Assert.Equal(Rows, rows);
        Assert.True(growth < file.BytesProduced / 10, $"the heap grew by {growth:N0} bytes reading a {file.BytesProduced:N0}-byte file");
    }

    [Fact]
    public async Task Reading_large_json_lines_holds_a_line_at_a_time_not_the_file()
    {
        var file = new GeneratedFile("", Rows, i => $"{{\"externalId\":\"r-{i}\",\"text\":\"Order {i}: {LongText}\"}}\n");

        var (rows, growth) = await ReadAllAsync(JsonLinesImportReader.ReadAsync(file, 0, TestContext.Current.CancellationToken));

        Assert.Equal(Rows, rows);
        Assert.True(growth < file.BytesProduced / 10, $"the heap grew by {growth:N0} bytes reading a {file.BytesProduced:N0}-byte file");
    }

    [Fact]
    public async Task Twenty_thousand_rows_import_in_the_background_with_progress_visible_while_it_runs()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid().ToString("N");
        string[] texts = ["The courier was rude and late", "Lovely food, thank you", "请问什么时候送到？", "饭菜很好吃，送餐很快"];
        var file = new GeneratedFile("externalId,text,customerId\n", StoredRows, i => $"{run}-{i},\"{texts[i % texts.Length]} #{i}\",c-{i % 977}\n");
        var watch = Stopwatch.StartNew();

        var jobId = await Imports.StartAsync(client, new StreamContent(file), "text/csv");
        var seenMidway = false;
        var job = await Eventually.Async(
            async () =>
            {
                var current = await Imports.GetAsync(client, jobId);
                seenMidway |= current.GetProperty("status").GetString() == "running" && current.GetProperty("rowsRead").GetInt64() is > 0 and < StoredRows;
                return current;
            },
            current => current.GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromMinutes(5));

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((StoredRows, StoredRows, 0), (job.GetProperty("rowsRead").GetInt32(), job.GetProperty("stored").GetInt32(), job.GetProperty("rejected").GetInt32()));
        Assert.Equal(file.BytesProduced, job.GetProperty("bytesTotal").GetInt64());
        Assert.True(seenMidway, "the job's progress was never seen while it ran");
        Assert.Equal(StoredRows, await Imports.CountStoredAsync(servers, $"{run}-%"));
        // Figures, not targets: the machine is shared.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{StoredRows:N0} rows ({file.BytesProduced / 1e6:F1} MB) imported in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Reads every row, sampling the live heap (after a full collection) every 5,000 rows.</summary>
    private static async Task<(int Rows, long Growth)> ReadAllAsync(IAsyncEnumerable<ImportRow> rows)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var count = 0;
        await foreach (var row in rows)
        {
            Assert.NotNull(row.Request);
            if (++count % 5_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        return (count, peak - baseline);
    }
}
