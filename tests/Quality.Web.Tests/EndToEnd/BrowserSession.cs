using Microsoft.Playwright;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>One test's browser: its page, closed with its profile directory deleted.</summary>
public sealed class BrowserSession(IBrowserContext context, DirectoryInfo profile) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page => Context.Pages.Count > 0 ? Context.Pages[0] : throw new InvalidOperationException("the browser has no page");

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of a file; the temp folder is cleaned up eventually.
        }
    }
}
