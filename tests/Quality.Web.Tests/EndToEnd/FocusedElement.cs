namespace Quality.Web.Tests.EndToEnd;

/// <summary>The focused element as the page reports it (settable: Playwright fills it from the script's result).</summary>
public sealed class FocusedElement
{
    public string Id { get; set; } = "";

    public string Tag { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>A link's resolved address; empty for anything else.</summary>
    public string Href { get; set; } = "";

    public string OutlineStyle { get; set; } = "";

    public double OutlineWidth { get; set; }

    public bool ShowsFocus => OutlineStyle != "none" && OutlineWidth >= 2;

    public override string ToString() => $"{Tag}#{Id} '{Text}' outline {OutlineStyle} {OutlineWidth}px";
}
