using System.Globalization;
using System.Text.Json;

namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Watches Scoring's live feed of the organisation's <c>last_hour</c> KPIs as a dashboard does (<c>GET
/// /api/kpis/watch</c>, newline-delimited JSON: a snapshot, then each change made on any replica) and gives the
/// feedback-item count (the sample count of <c>complaint_rate_percent</c>) of every message to the visibility tracker,
/// timed as it arrives. A stream that ends or breaks is opened again after a second.
/// </summary>
public sealed class KpiFeedWatcher(HttpClient scoring, KpiVisibilityTracker tracker)
{
    private long _errors;
    private long _messages;

    public long Errors => Interlocked.Read(ref _errors);

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Where the last message's values came from: <c>redis</c>, or <c>postgres</c> while Redis is away.</summary>
    public string? Source { get; private set; }

    /// <param name="scoring">A client without a timeout: the stream is held for the whole run.</param>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await scoring.GetAsync("api/kpis/watch?scope=org&period=last_hour", HttpCompletionOption.ResponseHeadersRead, ct)
                    .ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    await ReadAsync(response, ct).ConfigureAwait(false);
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or OperationCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            var receivedAt = Clock.Now;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var message = JsonDocument.Parse(line);
            Interlocked.Increment(ref _messages);
            Source = message.RootElement.TryGetProperty("source", out var source) ? source.GetString() : Source;
            if (FeedbackItems(message.RootElement) is { } count)
            {
                tracker.OnCount(count, receivedAt);
            }
        }
    }

    /// <summary>
    /// The number of feedback items in the window (the denominator of the complaint rate); null when the message does
    /// not carry that KPI (a change that left it alone).
    /// </summary>
    public static long? FeedbackItems(JsonElement message)
    {
        if (!message.TryGetProperty("kpis", out var kpis))
        {
            return null;
        }

        foreach (var kpi in kpis.EnumerateArray())
        {
            if (kpi.GetProperty("name").GetString() != "complaint_rate_percent")
            {
                continue;
            }

            if (!kpi.TryGetProperty("sampleCount", out var count))
            {
                return 0; // proto JSON leaves zero values out
            }

            // int64 is a string in proto JSON.
            return count.ValueKind == JsonValueKind.String
                ? long.Parse(count.GetString()!, CultureInfo.InvariantCulture)
                : count.GetInt64();
        }

        return null;
    }
}
