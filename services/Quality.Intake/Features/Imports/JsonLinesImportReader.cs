using System.Runtime.CompilerServices;
using System.Text.Json;
using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Imports;

/// <summary>Reads JSON Lines: one JSON object per line, the JSON API's fields; blank lines are skipped.</summary>
public static class JsonLinesImportReader
{
    public const int MaxLineLength = 200_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, long skipThroughRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = ImportEncoding.Reader(stream);
        var lines = new BoundedLineReader(text, MaxLineLength);
        for (long row = 1; ; row++)
        {
            var (end, line, tooLong) = await lines.ReadLineAsync(cancellationToken);
            if (end)
            {
                yield break;
            }

            if (row <= skipThroughRow || line is not null && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return tooLong ? ImportRow.Unreadable(row, $"is longer than {MaxLineLength:N0} characters")
                : ImportEncoding.HasInvalidBytes(line!) ? ImportRow.Unreadable(row, ImportEncoding.InvalidUtf8)
                : Parse(row, line!);
        }
    }

    private static ImportRow Parse(long row, string line)
    {
        try
        {
            return JsonSerializer.Deserialize<SubmitFeedbackRequest>(line, Json) is { } request
                ? ImportRow.Read(row, request)
                : ImportRow.Unreadable(row, "must be a JSON object");
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "" : $"{e.Path.TrimStart('$').TrimStart('.')}: ";
            return ImportRow.Unreadable(row, $"{field}is not valid JSON or has a value of the wrong type (position {e.BytePositionInLine + 1})");
        }
    }
}
