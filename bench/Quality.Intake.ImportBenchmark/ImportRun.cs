using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.ImportBenchmark;

/// <summary>
/// Uploads a file to <c>POST /api/imports</c> and follows the job to the end. Rows/s is the job's own
/// figure (rows stored between its start and finish, as Intake recorded them); the events' trip to RabbitMQ
/// is timed separately, until the outbox is empty. A warm-up import is run the same way and not reported.
/// </summary>
internal static class ImportRun
{
    public static async Task MeasureAsync(IntakeSystem system, string path, string format, bool measured)
    {
        using var client = system.Client();
        var upload = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/x-ndjson");
        content.Headers.ContentLength = file.Length;
        var response = await client.PostAsync("/api/imports", content);
        response.EnsureSuccessStatusCode();
        var uploaded = upload.Elapsed;
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        JsonElement job;
        while (true)
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                break;
            }

            await Task.Delay(200);
        }

        var finishedAt = upload.Elapsed;
        await system.WaitUntilEventsPublishedAsync();

        var published = upload.Elapsed;
        if (!measured)
        {
            Console.WriteLine($"Warm-up import of {job.GetProperty("rowsRead").GetInt64():N0} rows: {job.GetProperty("status").GetString()} (not counted)");
            return;
        }

        var stored = job.GetProperty("stored").GetInt64();
        var duration = job.GetProperty("finishedAt").GetDateTimeOffset() - job.GetProperty("startedAt").GetDateTimeOffset();
        Console.WriteLine($"Import of {job.GetProperty("rowsRead").GetInt64():N0} rows ({new FileInfo(path).Length / 1e6:F1} MB {format}): {job.GetProperty("status").GetString()}");
        Console.WriteLine($"  stored {stored:N0}, duplicates {job.GetProperty("duplicates").GetInt64():N0}, rejected {job.GetProperty("rejected").GetInt64():N0}");
        Console.WriteLine($"  upload (spooled, header checked)   {uploaded.TotalSeconds,8:F2} s");
        Console.WriteLine($"  job: classify + store + events     {duration.TotalSeconds,8:F2} s   {stored / duration.TotalSeconds,10:N0} rows/s");
        Console.WriteLine($"  upload to job finished             {finishedAt.TotalSeconds,8:F2} s   {stored / finishedAt.TotalSeconds,10:N0} rows/s");
        Console.WriteLine($"  upload to every event in RabbitMQ  {published.TotalSeconds,8:F2} s   {stored / published.TotalSeconds,10:N0} rows/s");
    }
}
