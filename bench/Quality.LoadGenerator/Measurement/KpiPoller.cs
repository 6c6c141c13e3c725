using System.Globalization;
using System.Text.Json;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// Polls Scoring's live organisation KPIs (<c>GET /api/kpis?period=last_hour</c>, answered from Redis) and feeds
/// the feedback-item count (the sample count of <c>complaint_rate_percent</c>) to the visibility tracker.
/// </summary>
public sealed class KpiPoller(HttpClient scoring, KpiVisibilityTracker tracker, TimeSpan interval)
{
    private long _errors;

    public long Errors => Interlocked.Read(ref _errors);

    public string? Source { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var report = await QualityHttp.SendAsync(scoring, HttpMethod.Get, "api/kpis?period=last_hour", null, ct).ConfigureAwait(false);
                var polledAt = Clock.Now;
                Source = report.TryGetProperty("source", out var source) ? source.GetString() : null;
                if (FeedbackItems(report) is { } count)
                {
                    tracker.OnCount(count, polledAt);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IntakeException or HttpRequestException or OperationCanceledException or JsonException)
            {
                Interlocked.Increment(ref _errors);
            }
        }
        while (await WaitAsync(timer, ct).ConfigureAwait(false));
    }

    /// <summary>The number of feedback items in the window: the denominator of the complaint rate.</summary>
    public static long? FeedbackItems(JsonElement report)
    {
        if (!report.TryGetProperty("kpis", out var kpis))
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

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
