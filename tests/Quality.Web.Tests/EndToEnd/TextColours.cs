namespace Quality.Web.Tests.EndToEnd;

/// <summary>A visible text and the colours it is drawn with (settable: Playwright fills it from the script's result).</summary>
public sealed class TextColours
{
    public string Text { get; set; } = "";

    public string Colour { get; set; } = "";

    public string Background { get; set; } = "";
}
