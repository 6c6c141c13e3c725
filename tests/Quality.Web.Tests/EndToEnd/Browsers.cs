using Microsoft.Playwright;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>
/// Debian's Chromium, driven headless by Playwright: never a downloaded browser. Each test gets its own browser
/// with a fresh profile directory, so no cookie or cache leaks between tests.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public async ValueTask InitializeAsync()
    {
        // The machine is shared and slow: give pages and assertions room, never fixed sleeps.
        Assertions.SetDefaultExpectTimeout(30_000);
        if (File.Exists(ChromiumPath))
        {
            _playwright = await Playwright.CreateAsync();
        }
    }

    /// <summary>A new browser on a fresh profile; fails (never skips) when Chromium is missing.</summary>
    public async Task<BrowserSession> OpenAsync(string locale = "en-US")
    {
        if (!File.Exists(ChromiumPath) || _playwright is null)
        {
            Assert.Fail($"Chromium is not installed at {ChromiumPath}: the web dashboard's end-to-end tests need it. Run scripts/prerequisites.sh (it installs Debian's chromium).");
        }

        var profile = Directory.CreateTempSubdirectory("quality-web-chromium-");
        var context = await _playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Timeout = 60_000,
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, profile);
    }

    public ValueTask DisposeAsync()
    {
        _playwright?.Dispose();
        return ValueTask.CompletedTask;
    }
}
