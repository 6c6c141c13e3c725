using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Imports;

public sealed class ImportEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_csv_is_imported_and_each_bad_row_is_reported_by_row_number_with_nothing_stored_for_it()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid().ToString("N");
        var file = new MemoryStream();
        file.Write(Encoding.UTF8.GetBytes(
            $"External ID,Text,customer_id\r\n" +                           // row 1
            $"{run}-1,\"送餐太慢了，饭菜都凉了，非常失望\",c-1\r\n" +          // 2 stored (complaint)
            $"{run}-2,\"Lovely food, \"\"really\"\" good\",c-2\r\n" +        // 3 stored
            $"{run}-3,bad \"quote\" here,c-3\r\n" +                          // 4 bad quoting
            $"{run}-4,too,many,fields\r\n" +                                 // 5 wrong field count
            $"{run}-5,,c-5\r\n" +                                            // 6 empty text
            $"{run}-6,"));
        file.Write([0xC3, 0x28, 0xFF]);                                      // 7 invalid UTF-8
        file.Write(Encoding.UTF8.GetBytes(
            $",c-6\r\n" +
            $"{run}-1,a repeat of row 2,c-1\r\n" +                           // 8 duplicate
            $"{run}-8,\"A comment\nover two lines\",c-8\r\n"));              // 9–10 stored

        var jobId = await Imports.StartAsync(client, file.ToArray(), "text/csv");
        var job = await Imports.FinishedAsync(client, jobId);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((8, 3, 1, 4), (job.GetProperty("rowsRead").GetInt32(), job.GetProperty("stored").GetInt32(),
            job.GetProperty("duplicates").GetInt32(), job.GetProperty("rejected").GetInt32()));
        Assert.Equal(job.GetProperty("bytesTotal").GetInt64(), job.GetProperty("bytesRead").GetInt64());
        var rejections = await Imports.RejectionsAsync(client, jobId);
        Assert.Equal([4L, 5, 6, 7], rejections.Select(r => r.Row));
        Assert.Contains("quoting", rejections[0].Reason);
        Assert.Equal("has 4 fields; the header has 3", rejections[1].Reason);
        Assert.StartsWith("text:", rejections[2].Reason);
        Assert.Contains("UTF-8", rejections[3].Reason);
        Assert.Equal(3L, await Imports.CountStoredAsync(servers, $"{run}-%"));
        Assert.Equal(0L, await Imports.CountStoredAsync(servers, $"{run}-3"));
    }

    [Fact]
    public async Task Json_lines_are_imported_with_bad_lines_reported_by_line_number()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "import");
        using var channel = servers.ClientWithKey(key);
        var run = Guid.NewGuid().ToString("N");
        var lines = string.Join("\n",
            JsonSerializer.Serialize(new { externalId = $"{run}-1", text = "The courier was rude", customerId = "c-1" }),
            "",
            "{\"externalId\":\"" + run + "-2\",\"text\":",
            JsonSerializer.Serialize(new { externalId = $"{run}-3", text = 42 }),
            "[1,2]",
            JsonSerializer.Serialize(new { externalId = $"{run}-4", text = "Great app, thanks" }),
            "");

        var jobId = await Imports.StartAsync(channel, Encoding.UTF8.GetBytes(lines), "application/x-ndjson");
        var job = await Imports.FinishedAsync(channel, jobId);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((2, 3), (job.GetProperty("stored").GetInt32(), job.GetProperty("rejected").GetInt32()));
        var rejections = await Imports.RejectionsAsync(channel, jobId);
        Assert.Equal([3L, 4, 5], rejections.Select(r => r.Row));
        Assert.StartsWith("text:", rejections[1].Reason);
        Assert.Equal(2L, await Imports.CountStoredAsync(servers, $"{run}-%"));
    }

    [Theory]
    [InlineData("externalId,comment\r\nx,hello\r\n", "unknown columns ('comment')")]
    [InlineData("externalId,customerId\r\nx,c\r\n", "must name a text column")]
    [InlineData("text,Text\r\nx,y\r\n", "twice")]
    [InlineData("", "")]
    public async Task An_unreadable_header_is_a_400_and_no_job(string csv, string reason)
    {
        using var client = servers.Client();

        var response = await Imports.PostAsync(client, Encoding.UTF8.GetBytes(csv), "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
        Assert.Contains(messages, m => m.Contains(reason));
    }

    [Fact]
    public async Task A_header_in_another_encoding_is_a_400_naming_utf8_and_an_unknown_type_is_415()
    {
        using var client = servers.Client();
        byte[] gbkHeader = [.. Encoding.UTF8.GetBytes("text,"), 0xC4, 0xDA, 0xC8, 0xDD, .. "\r\nhello,x\r\n"u8];

        var encoding = await Imports.PostAsync(client, gbkHeader, "text/csv");
        var unknownType = await Imports.PostAsync(client, "text\nx"u8.ToArray(), "application/vnd.ms-excel");

        Assert.Equal(HttpStatusCode.BadRequest, encoding.StatusCode);
        Assert.Contains("UTF-8", (await encoding.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").GetProperty("header")[0].GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknownType.StatusCode);
    }

    [Fact]
    public async Task An_unclosed_quote_stops_the_import_there_and_keeps_the_rows_before_it()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid().ToString("N");
        var csv = new StringBuilder("externalId,text\n");
        csv.Append($"{run}-1,fine\n{run}-2,\"never closed\n");
        for (var i = 0; i < 4000; i++)
        {
            csv.Append($"{run}-x{i},swallowed by the open quote {new string('x', 40)}\n");
        }

        var jobId = await Imports.StartAsync(client, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
        var job = await Imports.FinishedAsync(client, jobId);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("unclosed quote", job.GetProperty("error").GetString());
        Assert.Equal(1, job.GetProperty("stored").GetInt32());
        Assert.Single(await Imports.RejectionsAsync(client, jobId));
        Assert.Equal(1L, await Imports.CountStoredAsync(servers, $"{run}-%"));
    }

    [Fact]
    public async Task A_job_is_visible_to_its_uploader_and_supervisors_only()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "import");
        var (_, otherKey) = await TestKeys.CreateAsync(servers, "import");
        using var uploader = servers.ClientWithKey(key);
        using var other = servers.ClientWithKey(otherKey);
        using var agent = servers.Client("agent", "team-a");
        using var supervisor = servers.Client("supervisor", "team-a");
        var jobId = await Imports.StartAsync(uploader, "text\nhello there\n"u8.ToArray(), "text/csv");

        Assert.Equal(HttpStatusCode.OK, (await uploader.GetAsync($"/api/imports/{jobId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/imports/{jobId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/imports/{jobId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/imports/{jobId}/rejections", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_a_413_problem()
    {
        await using var limited = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Import:MaxUploadBytes"] = "1024" });
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IntakeServers.Token("admin"));
        var file = Encoding.UTF8.GetBytes("text\n" + string.Concat(Enumerable.Repeat("a line of feedback\n", 100)));

        var sized = await Imports.PostAsync(client, file, "text/csv");
        var streamed = await Imports.PostAsync(client, new StreamContent(new GeneratedFile("text\n", 100, i => $"line {i} of feedback\n")), "text/csv");

        foreach (var response in new[] { sized, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
