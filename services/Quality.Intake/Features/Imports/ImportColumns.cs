using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// The columns a file may have, as CSV headers or JSON Lines members: the JSON API's fields. Headers match
/// loosely ("External ID", "external_id" and "externalId" are one column), since spreadsheets write them so.
/// </summary>
public static class ImportColumns
{
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = ["externalId", Text, "customerId", "customerTier", "customerEmail", "customerPhone", "customerName"];

    public static string? Known(string header)
    {
        var key = Normalize(header);
        return All.FirstOrDefault(c => Normalize(c) == key);
    }

    public static SubmitFeedbackRequest Build(Func<string, string?> value) => new()
    {
        ExternalId = Blank(value("externalId")),
        Text = value(Text) ?? "",
        CustomerId = Blank(value("customerId")),
        CustomerTier = Blank(value("customerTier")),
        CustomerEmail = Blank(value("customerEmail")),
        CustomerPhone = Blank(value("customerPhone")),
        CustomerName = Blank(value("customerName")),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Normalize(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
