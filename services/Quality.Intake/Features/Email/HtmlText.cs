using System.Text;
using MimeKit.Text;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Turns an HTML body into plain text with MimeKit's tokenizer (MimeKit 4 has no HTML-to-text converter):
/// text kept, entities decoded, block elements become line breaks, scripts, styles and the head dropped.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "table", "ul", "ol",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title" };

    public static string Convert(string html)
    {
        var text = new StringBuilder();
        var hiddenDepth = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Hidden.Contains(tag.Name):
                    hiddenDepth = Math.Max(0, hiddenDepth + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Name):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when hiddenDepth == 0 && token.Kind != HtmlTokenKind.ScriptData:
                    text.Append(data.Data.Replace('\u00a0', ' ').Replace('\n', ' '));
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }
}
