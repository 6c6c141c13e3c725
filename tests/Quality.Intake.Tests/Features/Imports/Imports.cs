using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Testing;

namespace Quality.Intake.Tests.Features.Imports;

/// <summary>Uploads a file and follows its job, as a client of the import API does.</summary>
internal static class Imports
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string contentType) =>
        PostAsync(client, new ByteArrayContent(file), contentType);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content, string contentType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync("/api/imports", content, Cancellation);
    }

    /// <summary>Uploads and answers the job id.</summary>
    public static Task<string> StartAsync(HttpClient client, byte[] file, string contentType) =>
        StartAsync(client, new ByteArrayContent(file), contentType);

    public static async Task<string> StartAsync(HttpClient client, HttpContent file, string contentType)
    {
        var response = await PostAsync(client, file, contentType);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal($"/api/imports/{job.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return job.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string jobId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/imports/{jobId}", Cancellation);

    public static Task<JsonElement> FinishedAsync(HttpClient client, string jobId, TimeSpan? patience = null) =>
        Eventually.Async(() => GetAsync(client, jobId), job => job.GetProperty("status").GetString() is "completed" or "failed", patience);

    /// <summary>The rejection report as (row, reason) pairs.</summary>
    public static async Task<List<(long Row, string Reason)>> RejectionsAsync(HttpClient client, string jobId)
    {
        var response = await client.GetAsync($"/api/imports/{jobId}/rejections", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvHelper.CsvReader(new StreamReader(await response.Content.ReadAsStreamAsync(Cancellation)), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<(long, string)>();
        await reader.ReadAsync();
        reader.ReadHeader();
        Assert.Equal(["row", "reason"], reader.HeaderRecord ?? []);
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetField<long>(0), reader.GetField(1)!));
        }

        return rows;
    }

    public static async Task<long> CountStoredAsync(IntakeServers servers, string externalIdPattern)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback WHERE channel = 'import' AND external_id LIKE @pattern";
        count.Parameters.AddWithValue("pattern", externalIdPattern);
        return (long)(await count.ExecuteScalarAsync(Cancellation))!;
    }
}
