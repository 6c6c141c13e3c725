using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Quality.LoadGenerator.Traffic;

/// <summary>Intake's channel endpoints, as a source system calls them.</summary>
public sealed class IntakeClient(HttpClient http)
{
    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(
        string externalId, string text, string customerId, CancellationToken ct, string? customerTier = null)
    {
        var answer = await QualityHttp.SendAsync(http, HttpMethod.Post, "api/feedback", new { externalId, text, customerId, customerTier }, ct).ConfigureAwait(false);
        return [Result(answer)];
    }

    /// <summary>A batch; items Intake rejected are left out of the answer (the caller counts them).</summary>
    public async Task<IReadOnlyList<IntakeResult>> SubmitBatchAsync(
        IReadOnlyList<(string ExternalId, string Text, string CustomerId)> items, CancellationToken ct)
    {
        var body = new { items = items.Select(i => new { externalId = i.ExternalId, text = i.Text, customerId = i.CustomerId }) };
        var answer = await QualityHttp.SendAsync(http, HttpMethod.Post, "api/feedback/batch", body, ct).ConfigureAwait(false);
        return [.. answer.GetProperty("items").EnumerateArray().Where(i => i.TryGetProperty("feedbackId", out _)).Select(Result)];
    }

    public async Task<IntakeResult> SubmitSurveyAsync(
        string type, int score, string? comment, string? caseId, string externalId, string customerId, CancellationToken ct)
    {
        var body = new { type, score, comment, caseId, externalId, customerId };
        return Result(await QualityHttp.SendAsync(http, HttpMethod.Post, "api/surveys", body, ct).ConfigureAwait(false));
    }

    /// <summary>A chat: the customer greets, the agent answers, the customer says <paramref name="complaint"/>.</summary>
    public async Task<IntakeResult> SubmitChatAsync(string externalId, string complaint, string customerId, CancellationToken ct)
    {
        var body = new
        {
            externalId,
            customerId,
            turns = new[]
            {
                new { role = "customer", text = "你好，在吗？" },
                new { role = "agent", text = "您好，请问有什么可以帮您？" },
                new { role = "customer", text = complaint },
            },
        };
        return Result(await QualityHttp.SendAsync(http, HttpMethod.Post, "api/transcripts/chat", body, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Uploads the rows as a CSV file and waits for the import job to finish, polling it every 100 ms; a failed job
    /// is an <see cref="IntakeException"/>.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<(string ExternalId, string Text, string CustomerId)> rows, CancellationToken ct)
    {
        var csv = new StringBuilder("externalId,text,customerId\r\n");
        foreach (var (externalId, text, customerId) in rows)
        {
            csv.Append(Quoted(externalId)).Append(',').Append(Quoted(text)).Append(',').Append(Quoted(customerId)).Append("\r\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var job = await QualityHttp.ReadAsync(await http.PostAsync("api/imports", content, ct).ConfigureAwait(false), "POST api/imports", ct).ConfigureAwait(false);
        var id = job.GetProperty("id").GetGuid();
        while (true)
        {
            switch (job.GetProperty("status").GetString())
            {
                case "completed":
                    return new ImportOutcome(job.GetProperty("stored").GetInt64(), job.GetProperty("duplicates").GetInt64(), job.GetProperty("rejected").GetInt64());
                case "failed":
                    throw new IntakeException("import failed", $"import {id} failed: {(job.TryGetProperty("error", out var error) ? error.GetString() : "no reason given")}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
            job = await QualityHttp.SendAsync(http, HttpMethod.Get, $"api/imports/{id}", null, ct).ConfigureAwait(false);
        }

        // RFC 4180: every field quoted, quotes doubled, so commas and line breaks in reviews stay inside their field.
        static string Quoted(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public async Task<IntakeResult> SubmitEmailAsync(byte[] rawMessage, CancellationToken ct)
    {
        using var content = new ByteArrayContent(rawMessage);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await http.PostAsync("api/email", content, ct).ConfigureAwait(false);
        return Result(await QualityHttp.ReadAsync(response, "POST api/email", ct).ConfigureAwait(false));
    }

    private static IntakeResult Result(JsonElement item) => new(
        item.GetProperty("feedbackId").GetGuid(),
        item.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean(),
        item.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "" : "");
}
