using Microsoft.Playwright;

namespace Quality.Web.Benchmark.Browser;

/// <summary>
/// Debian's Chromium driven headless by Playwright (never a downloaded browser), as the web tests drive it; signed in
/// once, every context then starts from that session's cookies.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        // Many pages in one browser: keep background tabs' timers and rendering at full speed, as a wall of
        // dashboards on screens would be, instead of throttling them to one wake-up a minute.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private string? _session;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <param name="rendererProcesses">
    /// At most this many renderer processes (<c>--renderer-process-limit</c>); pages beyond share them. Zero leaves
    /// Chromium's default, a process per page, which costs about 200 MB of RSS a page.
    /// </param>
    public static async Task<Chromium> LaunchAsync(string path, int rendererProcesses)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = rendererProcesses > 0 ? [.. Arguments, $"--renderer-process-limit={rendererProcesses}"] : Arguments,
                Timeout = 60_000,
            }).ConfigureAwait(false);
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Signs in through the sign-in page and keeps the session for <see cref="NewContextAsync"/>.</summary>
    public async Task SignInAsync(Uri web, string name, string password)
    {
        await using var context = await _browser.NewContextAsync().ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.GotoAsync(new Uri(web, "/signin").ToString()).ConfigureAwait(false);
        await page.Locator("#name").FillAsync(name).ConfigureAwait(false);
        await page.Locator("#password").FillAsync(password).ConfigureAwait(false);
        await page.Locator("button.primary").ClickAsync().ConfigureAwait(false);
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 })
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RunException($"signing in to {web} as '{name}' failed: check --user and --password-file");
        }

        _session = await context.StorageStateAsync().ConfigureAwait(false);
    }

    /// <summary>A fresh context (empty cache, own connections) holding the signed-in session, with the page probe installed.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = _session ?? throw new InvalidOperationException("sign in first"),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(PageProbe.InitScript).ConfigureAwait(false);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
