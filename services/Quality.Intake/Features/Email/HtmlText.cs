using System.Text;
using MimeKit.Text;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Turns an HTML body into plain text with MimeKit's tokenizer (MimeKit 4 has no HTML-to-text converter):
/// text kept, entities decoded, block elements and table cells become line breaks; scripts, styles, CDATA and the head (closed or not) dropped.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "table", "ul", "ol",
        // Table cells and sectioning elements: without a break, the words either side of them run together.
        "td", "th", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "center", "address", "caption", "figcaption",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "title" };

    /// <summary>What may stand in a head; any other element starts the body.</summary>
    private static readonly HashSet<string> HeadContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "title", "meta", "link", "style", "script", "base", "noscript", "template",
    };

    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var hiddenDepth = 0;
        var inHead = false;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            // Mail often leaves out </head>: as in a browser, the first element that cannot be in a head ends it.
            if (inHead && token is HtmlTagToken { Name: var name } && !HeadContent.Contains(name))
            {
                inHead = false;
            }

            switch (token)
            {
                case HtmlTagToken tag when tag.Name.Equals("head", StringComparison.OrdinalIgnoreCase):
                    inHead = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlTagToken tag when Hidden.Contains(tag.Name):
                    hiddenDepth = Math.Max(0, hiddenDepth + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Name):
                    text.Append('\n');
                    break;
                // CDATA outside SVG and MathML is a comment to a browser: what it holds (markup, often) is never shown.
                case HtmlDataToken data when hiddenDepth == 0 && !inHead && token.Kind is not (HtmlTokenKind.ScriptData or HtmlTokenKind.CData):
                    text.Append(data.Data.Replace('\u00a0', ' ').Replace('\n', ' '));
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }
}
