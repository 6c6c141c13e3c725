using Microsoft.Playwright;

namespace Quality.Web.Benchmark.Browser;

/// <summary>
/// What a page records about itself, installed before any of its scripts run: when the overview first held live data
/// (the feed says Live and the "as of" time shows), and every change of the backlog tile with the wall-clock time
/// (epoch ms, the same clock the benchmark posts by). Reading it back is one call per page, however long the hold.
/// </summary>
public static class PageProbe
{
    public const string InitScript = """
        (() => {
          const probe = { live: null, changes: [], last: undefined };
          window.__qualityBench = probe;
          const check = () => {
            if (probe.live === null && document.querySelector(".feed-state[data-state='Live']") && document.querySelector('.as-of')) {
              probe.live = performance.now();
            }
            const backlog = document.querySelector(".tile[data-kpi='backlog'] .tile-value");
            if (backlog) {
              const value = backlog.textContent.trim();
              if (probe.last !== undefined && value !== probe.last) probe.changes.push([Date.now(), value]);
              probe.last = value;
            }
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
        })();
        """;

    /// <summary>Waits until the page holds live data; false when it did not within the timeout.</summary>
    public static async Task<bool> WaitForLiveAsync(IPage page, TimeSpan timeout)
    {
        try
        {
            await page.WaitForFunctionAsync("() => window.__qualityBench && window.__qualityBench.live !== null", null,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 100 }).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The page's own timings in ms from navigation start (null where the browser reports none).</summary>
    public static Task<PageTimings> TimingsAsync(IPage page) => page.EvaluateAsync<PageTimings>("""
        () => {
          const n = performance.getEntriesByType('navigation')[0];
          const paint = Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]));
          return { timeToFirstByte: n ? n.responseStart : null, domContentLoaded: n ? n.domContentLoadedEventEnd : null,
                   firstPaint: paint['first-paint'] ?? null, firstContentfulPaint: paint['first-contentful-paint'] ?? null,
                   liveData: window.__qualityBench ? window.__qualityBench.live : null };
        }
        """);

    /// <summary>Epoch ms of the first backlog change at or after <paramref name="since"/>, or null.</summary>
    public static async Task<double?> FirstChangeSinceAsync(IPage page, long since) =>
        await page.EvaluateAsync<double?>("since => { const c = window.__qualityBench.changes.find(c => c[0] >= since); return c ? c[0] : null; }", since)
            .ConfigureAwait(false);

    public static async Task<bool> IsLiveAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => !!document.querySelector(\".feed-state[data-state='Live']\")").ConfigureAwait(false);
}
