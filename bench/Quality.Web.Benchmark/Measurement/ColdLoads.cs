using System.Diagnostics;
using Quality.Web.Benchmark.Browser;
using Quality.Web.Benchmark.Reporting;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>
/// Cold loads of the overview: each in a fresh browser context (empty cache, new connections, the signed-in
/// session's cookie), one after the other, timed by the page itself from navigation start.
/// </summary>
public static class ColdLoads
{
    public static async Task<ColdLoadResult> RunAsync(Chromium chromium, Uri web, int loads, Action<string> progress, CancellationToken ct)
    {
        var firstPaint = new LatencyRecorder();
        var firstContentfulPaint = new LatencyRecorder();
        var timeToFirstByte = new LatencyRecorder();
        var domContentLoaded = new LatencyRecorder();
        var liveData = new LatencyRecorder();
        var failures = new List<string>();
        for (var i = 0; i < loads; i++)
        {
            ct.ThrowIfCancellationRequested();
            await using var context = await chromium.NewContextAsync().ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(web.ToString()).ConfigureAwait(false);
            if (!await PageProbe.WaitForLiveAsync(page, TimeSpan.FromSeconds(30)).ConfigureAwait(false))
            {
                failures.Add($"load {i + 1}: no live data after {clock.Elapsed.TotalSeconds:0} s ({page.Url})");
                continue;
            }

            var timings = await PageProbe.TimingsAsync(page).ConfigureAwait(false);
            Add(firstPaint, timings.FirstPaint);
            Add(firstContentfulPaint, timings.FirstContentfulPaint);
            Add(timeToFirstByte, timings.TimeToFirstByte);
            Add(domContentLoaded, timings.DomContentLoaded);
            Add(liveData, timings.LiveData);
            progress($"cold load {i + 1}/{loads}: first contentful paint {Show(timings.FirstContentfulPaint)} ms, live data {Show(timings.LiveData)} ms");
        }

        return new ColdLoadResult
        {
            Loads = loads,
            Failures = failures,
            TimeToFirstByteMs = timeToFirstByte.Summarize(),
            FirstPaintMs = firstPaint.Summarize(),
            FirstContentfulPaintMs = firstContentfulPaint.Summarize(),
            DomContentLoadedMs = domContentLoaded.Summarize(),
            LiveDataMs = liveData.Summarize(),
        };
    }

    private static void Add(LatencyRecorder recorder, double? value)
    {
        if (value is { } v)
        {
            recorder.Add(Math.Round(v, 1));
        }
    }

    private static string Show(double? value) => value is { } v ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
