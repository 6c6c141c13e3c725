using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Quality.Web.Benchmark.Browser;
using Quality.Web.Benchmark.Options;
using Quality.Web.Benchmark.Reporting;

namespace Quality.Web.Benchmark.Measurement;

/// <summary>
/// Opens many overviews at once over several browser contexts, waits until each holds live data, then holds them
/// while complaints are posted to Intake, evenly spaced, and counts how many pages showed each one's backlog change
/// and how fast; meanwhile samples the web process and the browser.
/// </summary>
public sealed class HeldDashboards(WebBenchOptions options, Chromium chromium, ServiceProcess? web, ServiceProcess? scoring, HttpClient intake, Action<string> progress)
{
    private const string Complaint = "送餐太慢了，等了两个小时，饭菜都凉了，非常失望";

    public async Task<HoldResult> RunAsync(CancellationToken ct)
    {
        var contexts = new List<IBrowserContext>();
        await using var sampler = new ResourceSampler(web);
        try
        {
            var webCpuBefore = web?.CpuSeconds() ?? double.NaN;
            var webRssBefore = web?.RssMegabytes() ?? double.NaN;
            var connectionsBefore = web?.Connections();
            var clientBefore = ClientProcesses.Sample();
            sampler.Start();

            for (var i = 0; i < Math.Min(options.Contexts, options.Pages); i++)
            {
                contexts.Add(await chromium.NewContextAsync().ConfigureAwait(false));
            }

            var opening = Stopwatch.StartNew();
            var (pages, failures) = await OpenAsync(contexts, ct).ConfigureAwait(false);
            var openSeconds = opening.Elapsed.TotalSeconds;
            progress($"{pages.Count} of {options.Pages} dashboards live after {openSeconds:0} s; holding them while {options.Posts} complaints are posted");

            var webCpuHeld = web?.CpuSeconds() ?? double.NaN;
            var scoringCpuHeld = scoring?.CpuSeconds() ?? double.NaN;
            var clientHeld = ClientProcesses.Sample();
            var holding = Stopwatch.StartNew();
            var (perPost, latencies) = await PostAndWatchAsync(pages, ct).ConfigureAwait(false);
            var remaining = options.Hold - holding.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, ct).ConfigureAwait(false);
            }

            var heldSeconds = holding.Elapsed.TotalSeconds;
            sampler.Sample();
            var webCpuAfter = web?.CpuSeconds() ?? double.NaN;
            var scoringCpuAfter = scoring?.CpuSeconds() ?? double.NaN;
            var clientAfter = ClientProcesses.Sample();
            var liveAtEnd = 0;
            foreach (var page in pages)
            {
                liveAtEnd += await PageProbe.IsLiveAsync(page).ConfigureAwait(false) ? 1 : 0;
            }

            return new HoldResult
            {
                PagesRequested = options.Pages,
                Contexts = contexts.Count,
                PagesLive = pages.Count,
                OpenFailures = failures,
                OpenSeconds = Math.Round(openSeconds, 1),
                HeldSeconds = Math.Round(heldSeconds, 1),
                Posts = perPost.Count,
                Seen = perPost.Sum(p => p.SeenBy),
                Expected = perPost.Sum(p => p.Pages),
                PerPost = perPost,
                PostToPageMs = latencies.Summarize(),
                PagesLiveAtEnd = liveAtEnd,
                ScoringCpuCoresWhileHeld = scoring is null ? double.NaN : Math.Round((scoringCpuAfter - scoringCpuHeld) / heldSeconds, 3),
                Web = web is null ? null : new ProcessFigures
                {
                    RssBeforeMb = Math.Round(webRssBefore, 1),
                    RssPeakMb = Math.Round(sampler.WebRssPeakMb, 1),
                    RssPerPageKb = PerPage(sampler.WebRssPeakMb - webRssBefore, pages.Count),
                    CpuCoresWhileHeld = Math.Round((webCpuAfter - webCpuHeld) / heldSeconds, 3),
                    CpuSecondsOpening = Math.Round(webCpuHeld - webCpuBefore, 2),
                    ConnectionsBefore = connectionsBefore,
                    ConnectionsPeak = sampler.ConnectionsPeak,
                },
                Client = new ProcessFigures
                {
                    RssBeforeMb = Math.Round(clientBefore.PssMegabytes, 1),
                    RssPeakMb = Math.Round(sampler.ClientPssPeakMb, 1),
                    RssPerPageKb = PerPage(sampler.ClientPssPeakMb - clientBefore.PssMegabytes, pages.Count),
                    CpuCoresWhileHeld = Math.Round((clientAfter.CpuSeconds - clientHeld.CpuSeconds) / heldSeconds, 3),
                    CpuSecondsOpening = Math.Round(clientHeld.CpuSeconds - clientBefore.CpuSeconds, 2),
                },
            };
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens the pages, a few at a time, round-robin over the contexts; answers those that went live.</summary>
    private async Task<(List<IPage> Pages, List<string> Failures)> OpenAsync(List<IBrowserContext> contexts, CancellationToken ct)
    {
        var live = new List<IPage>();
        var failures = new List<string>();
        var gate = new Lock();
        await Parallel.ForAsync(0, options.Pages, new ParallelOptions { MaxDegreeOfParallelism = options.OpenConcurrency, CancellationToken = ct }, async (i, _) =>
        {
            try
            {
                var page = await contexts[i % contexts.Count].NewPageAsync().ConfigureAwait(false);
                await page.GotoAsync(options.WebUrl.ToString()).ConfigureAwait(false);
                var ok = await PageProbe.WaitForLiveAsync(page, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                lock (gate)
                {
                    if (ok)
                    {
                        live.Add(page);
                    }
                    else
                    {
                        failures.Add($"page {i + 1}: no live data within 60 s");
                    }

                    if ((live.Count + failures.Count) % 25 == 0)
                    {
                        progress($"{live.Count + failures.Count}/{options.Pages} pages opened, {live.Count} live");
                    }
                }
            }
            catch (PlaywrightException e)
            {
                lock (gate)
                {
                    failures.Add($"page {i + 1}: {e.Message.Split('\n')[0]}");
                }
            }
        }).ConfigureAwait(false);
        return (live, failures);
    }

    /// <summary>
    /// Posts the complaints evenly over the hold, at least <see cref="WebBenchOptions.SeenWithin"/> apart so a page's
    /// first change after a post is that post's; after each, waits until every page showed it or the limit passed.
    /// </summary>
    private async Task<(List<PostResult> PerPost, LatencyRecorder Latencies)> PostAndWatchAsync(List<IPage> pages, CancellationToken ct)
    {
        var perPost = new List<PostResult>();
        var all = new LatencyRecorder();
        if (options.Posts == 0 || pages.Count == 0)
        {
            return (perPost, all);
        }

        var spacing = TimeSpan.FromTicks(Math.Max(options.Hold.Ticks / options.Posts, (options.SeenWithin + TimeSpan.FromSeconds(2)).Ticks));
        var runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        for (var post = 0; post < options.Posts; post++)
        {
            var started = Stopwatch.StartNew();
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var kind = await PostComplaintAsync($"webbench-{runId}-{post}", ct).ConfigureAwait(false);
            var seen = new Dictionary<IPage, double>();
            while (seen.Count < pages.Count && started.Elapsed < options.SeenWithin)
            {
                await Task.Delay(500, ct).ConfigureAwait(false);
                foreach (var page in pages.Where(p => !seen.ContainsKey(p)))
                {
                    if (await PageProbe.FirstChangeSinceAsync(page, sentAt).ConfigureAwait(false) is { } changedAt)
                    {
                        seen[page] = Math.Max(0, changedAt - sentAt);
                    }
                }
            }

            var latencies = new LatencyRecorder();
            foreach (var ms in seen.Values)
            {
                latencies.Add(ms);
                all.Add(ms);
            }

            var summary = latencies.Summarize();
            perPost.Add(new PostResult(post + 1, kind, seen.Count, pages.Count, summary.P50, summary.P99, summary.Max));
            progress($"post {post + 1}/{options.Posts} ({kind}): seen by {seen.Count}/{pages.Count} pages, p50 {summary.P50:0} ms, p99 {summary.P99:0} ms");
            var wait = spacing - started.Elapsed;
            if (post < options.Posts - 1 && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct).ConfigureAwait(false);
            }
        }

        return (perPost, all);
    }

    private async Task<string> PostComplaintAsync(string externalId, CancellationToken ct)
    {
        using var response = await intake.PostAsJsonAsync("api/feedback", new { externalId, text = Complaint, customerId = externalId }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RunException($"Intake answered {(int)response.StatusCode} to a complaint: {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }

        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct).ConfigureAwait(false);
        return answer.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "" : "";
    }

    private static double PerPage(double megabytes, int pages) => pages == 0 || double.IsNaN(megabytes) ? double.NaN : Math.Round(megabytes * 1024 / pages, 1);
}
