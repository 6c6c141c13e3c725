using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Quality.Benchmarking.Measurement;

namespace Quality.Intake.ImportBenchmark;

/// <summary>
/// Single-item <c>POST /api/feedback</c>: closed-loop throughput (N clients, each posting as soon as its last
/// answer came), then latency at a fixed rate, open loop: requests leave on schedule whether or not earlier
/// ones were answered, and each latency counts from its scheduled time, so a stall is not hidden.
/// Each stage is measured in steady state: it starts once the previous stage's events are all in RabbitMQ
/// (otherwise it measures the relay's leftover backlog), and after a warm-up that is not counted (the first
/// seconds of a fresh process are spent compiling, and a fresh client opens its connections).
/// </summary>
internal static class PostRun
{
    private static readonly string[] Texts =
    [
        "送餐太慢了，饭菜都凉了，非常失望", "Lovely food, thank you", "The courier was rude", "Where is my order?",
        "I was charged twice for one order", "菜品很新鲜，味道很好",
    ];

    public static async Task ThroughputAsync(IntakeSystem system, int seconds, int concurrency, int warmUpSeconds)
    {
        using var client = system.Client(concurrency);
        await system.WaitUntilEventsPublishedAsync();
        await ClosedLoopAsync(client, warmUpSeconds, concurrency);
        await system.WaitUntilEventsPublishedAsync();
        var (count, failures, elapsed) = await ClosedLoopAsync(client, seconds, concurrency);
        Console.WriteLine($"Single-item POST, closed loop, {concurrency} clients, {seconds} s: {count / elapsed:N0} items/s ({count:N0} posted, {failures} failed)");
    }

    private static async Task<(int Count, int Failures, double Seconds)> ClosedLoopAsync(HttpClient client, int seconds, int concurrency)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var stop = Stopwatch.StartNew();
        var count = 0;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var n = Interlocked.Increment(ref count);
                if (!await PostAsync(client, $"tp-{runId}-{n}", n))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (count, failures, stop.Elapsed.TotalSeconds);
    }

    public static async Task LatencyAsync(IntakeSystem system, int seconds, int rate, int warmUpSeconds)
    {
        using var client = system.Client(256);
        await system.WaitUntilEventsPublishedAsync();
        await OpenLoopAsync(client, warmUpSeconds, rate);
        await system.WaitUntilEventsPublishedAsync();
        var (latencies, failures, achieved) = await OpenLoopAsync(client, seconds, rate);
        var summary = Percentiles.Summarize(latencies);
        Console.WriteLine($"Single-item POST at a fixed {rate:N0}/s for {seconds} s ({achieved:N0}/s achieved, {failures} failed): " +
            $"p50 {summary.P50:F1} ms, p90 {summary.P90:F1} ms, p99 {summary.P99:F1} ms, max {summary.Max:F1} ms");
    }

    private static async Task<(double[] Latencies, int Failures, double Achieved)> OpenLoopAsync(HttpClient client, int seconds, int rate)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var total = seconds * rate;
        var latencies = new double[total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            requests.Add(Task.Run(async () =>
            {
                if (!await PostAsync(client, $"lat-{runId}-{index}", index))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(requests);
        return (latencies, failures, total / clock.Elapsed.TotalSeconds);
    }

    private static async Task<bool> PostAsync(HttpClient client, string externalId, int n)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/feedback", new { externalId, text = Texts[n % Texts.Length], customerId = $"c-{n % 5000}" });
            return response.StatusCode == HttpStatusCode.Created;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
