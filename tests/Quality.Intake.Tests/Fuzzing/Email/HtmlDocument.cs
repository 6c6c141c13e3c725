namespace Quality.Intake.Tests.Fuzzing.Email;

/// <summary>Generated HTML and the text a browser shows for it: words in order, whitespace not significant.</summary>
internal sealed record HtmlDocument(string Html, string Visible)
{
    /// <summary>Text placed where no reader sees it: inside scripts, styles, comments, attributes, the title and CDATA.</summary>
    public static readonly string[] HiddenMarkers = ["SCRIPTMARK", "STYLEMARK", "COMMENTMARK", "ATTRMARK", "TITLEMARK", "CDATAMARK"];

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
