using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Quality.Web.Tests.EndToEnd;

/// <summary>What the tests do on the dashboard's pages, said once.</summary>
public static class Dashboard
{
    public static async Task SignInAsync(IPage page, Uri web, TestPerson person, string? password = null)
    {
        await page.GotoAsync(new Uri(web, "/signin").ToString());
        await page.Locator("#name").FillAsync(person.Name);
        await page.Locator("#password").FillAsync(password ?? person.Password);
        await page.Locator("button.primary").ClickAsync();
    }

    /// <summary>Waits until the overview holds Scoring's first live snapshot and its trend chart.</summary>
    public static async Task WaitForLiveOverviewAsync(IPage page)
    {
        await Expect(page.Locator(".feed-state")).ToHaveAttributeAsync("data-state", "Live");
        await Expect(page.Locator(".as-of")).ToBeVisibleAsync();
        await Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
    }

    public static ILocator TileValue(IPage page, string kpi) => page.Locator($".tile[data-kpi='{kpi}'] .tile-value");

    /// <summary>The focused element as the browser draws it: what it is and whether a focus ring shows.</summary>
    public static async Task<FocusedElement> FocusedAsync(IPage page) => await page.EvaluateAsync<FocusedElement>("""
        () => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            return { id: e.id || '', tag: e.tagName.toLowerCase(), text: (e.textContent || '').trim(), href: e.href || '',
                     outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0 };
        }
        """);

    /// <summary>Every visible text with its colour and the background it is drawn on, as computed by the browser.</summary>
    public static async Task<TextColours[]> TextColoursAsync(IPage page) => await page.EvaluateAsync<TextColours[]>("""
        () => {
            const opaque = c => { const p = c.match(/[\d.]+/g); return p && (p.length < 4 || Number(p[3]) > 0); };
            const background = el => {
                for (let n = el; n; n = n.parentElement) {
                    const c = getComputedStyle(n).backgroundColor;
                    if (opaque(c)) return c;
                }
                return 'rgb(255, 255, 255)';
            };
            const found = [];
            const seen = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const text = walker.currentNode.textContent.trim();
                const el = walker.currentNode.parentElement;
                if (!text || !el || seen.has(el)) continue;
                seen.add(el);
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                if (box.width < 2 || box.height < 2 || style.visibility === 'hidden' || style.display === 'none') continue;
                const svg = el instanceof SVGElement;
                found.push({ text: text.slice(0, 40), colour: svg ? style.fill : style.color, background: background(svg ? el.closest('svg') : el) });
            }
            return found;
        }
        """);

    /// <summary>Presses Tab until the focus matches (at most <paramref name="maxTabs"/> times); answers every element focused on the way.</summary>
    public static async Task<List<FocusedElement>> TabUntilAsync(IPage page, Func<FocusedElement, bool> target, int maxTabs = 30)
    {
        var reached = new List<FocusedElement>();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await Dashboard.FocusedAsync(page));
            if (target(reached[^1]))
            {
                return reached;
            }
        }

        Assert.Fail("Tab never reached the element; focus went: " + string.Join(" → ", reached.Select(f => f.ToString())));
        return reached;
    }

    /// <summary>Every visible text on the page has a contrast of at least 4.5:1 (WCAG AA) against what it is drawn on.</summary>
    public static async Task AssertContrastAsync(IPage page, int minimumTexts)
    {
        var texts = await TextColoursAsync(page);

        Assert.True(texts.Length >= minimumTexts, $"only {texts.Length} texts found on {page.Url}");
        var poor = texts.Select(t => (t, Ratio: Contrast.Ratio(t.Colour, t.Background))).Where(x => x.Ratio < 4.5).ToList();
        Assert.True(poor.Count == 0, $"Too little contrast on {page.Url}: " + string.Join("; ", poor.Select(x => $"'{x.t.Text}' {x.t.Colour} on {x.t.Background} = {x.Ratio:F2}")));
    }
}
