using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using FsCheck;
using FsCheck.Fluent;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Imports;

namespace Quality.Intake.Tests.Fuzzing.Imports;

/// <summary>
/// Import files with a model of what they hold: valid rows written by CsvHelper or System.Text.Json, rows with
/// one thing wrong each (quoting, field count, invalid UTF-8, bad JSON, wrong types, over-long lines), blank
/// lines, a BOM or none, CRLF or LF.
/// </summary>
internal static class ImportGen
{
    /// <summary>Non-ASCII written as UTF-8, not escaped, so the reader's decoding is exercised.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Field values: words, CSV's special characters, newlines inside, padding that only the text keeps.</summary>
    private static Gen<string> Value => Gen.Frequency(
        (4, FuzzText.Sentence),
        (3, Gen.Elements("", " ", " padded ", "has,comma", "has \"quotes\"", "\"", "multi\nline", "crlf\r\nline", "a;b", "=1+2", "'lead", "\t", "中文,逗号")),
        (1, FuzzText.Sentence.Select(s => $"\"{s}\"\n,{s}")));

    private static readonly Dictionary<string, string[]> Spellings = new()
    {
        ["externalId"] = ["externalId", "External ID", "external_id", "EXTERNALID"],
        ["text"] = ["text", "Text", "TEXT", " text "],
        ["customerId"] = ["customerId", "customer_id", "Customer Id"],
        ["customerTier"] = ["customerTier", "customer-tier"],
        ["customerEmail"] = ["customerEmail", "Customer Email"],
        ["customerPhone"] = ["customerPhone"],
        ["customerName"] = ["customerName", "customer name"],
    };

    public static Gen<ImportFile> Csv =>
        from others in Gen.SubListOf(ImportColumns.All.Where(c => c != ImportColumns.Text).ToArray())
        from columns in Gen.Shuffle(others.Append(ImportColumns.Text).ToArray())
        from header in Gen.CollectToArray(columns, c => Gen.Elements(Spellings[c]))
        from rows in Gen.Sized(size => Gen.Choose(0, Math.Min(30, size))).SelectMany(n => Gen.ArrayOf(CsvRow(columns.Length), n))
        from quoteAll in Gen.Elements(false, true)
        from newline in Gen.Elements("\r\n", "\n")
        from bom in Gen.Elements(false, true)
        from finalNewline in Gen.Elements(true, false)
        select WriteCsv(columns, header, rows, quoteAll, newline, bom, finalNewline);

    private static Gen<(string Kind, string[] Values)> CsvRow(int count) => Gen.Frequency(
        (6, Gen.ArrayOf(Value, count).Select(v => ("valid", v))),
        (1, Gen.Constant(("blank", Array.Empty<string>()))),
        (1, Gen.ArrayOf(FuzzText.Sentence, count).Select(v => ("quoting", v))),
        (1, Gen.ArrayOf(FuzzText.Sentence, count).Select(v => ("utf8", v))),
        (1, Gen.Elements(-1, 1).Where(d => count + d > 0).SelectMany(d => Gen.ArrayOf(FuzzText.Sentence, count + d)).Select(v => ("count", v))));

    private static ImportFile WriteCsv(string[] columns, string[] header, (string Kind, string[] Values)[] rows, bool quoteAll, string newline, bool bom, bool finalNewline)
    {
        var text = new StringBuilder(Line(header, quoteAll, newline));
        var expected = new List<ExpectedRow>();
        // Rows are numbered as a spreadsheet shows them: the header is row 1, a blank line is a row, a record is one row however many lines it spans.
        long row = 1;
        foreach (var (kind, values) in rows)
        {
            row++;
            var line = kind switch
            {
                "blank" => "",
                // Written by hand: CsvHelper would quote the field properly.
                "quoting" => "bad \"quote\" here" + (values.Length > 1 ? "," + Line(values[1..], quoteAll, "") : ""),
                "utf8" => Line([ImportFile.InvalidByte + values[0], .. values.Skip(1)], quoteAll, ""),
                _ => Line(values, quoteAll, ""),
            };
            text.Append(line).Append(newline);
            if (line.Length == 0)
            {
                // CsvHelper skips blank lines; a single empty field written unquoted is one.
                continue;
            }

            expected.Add(kind switch
            {
                "valid" => new ExpectedRow(row, Request(column => Array.IndexOf(columns, column) is var i and >= 0 ? values[i] : null), null),
                "quoting" => new ExpectedRow(row, null, "bad quoting"),
                "utf8" => new ExpectedRow(row, null, ImportEncoding.InvalidUtf8),
                _ => new ExpectedRow(row, null, $"has {values.Length} fields; the header has {columns.Length}"),
            });
        }

        var content = finalNewline || text.Length == 0 ? text.ToString() : text.ToString()[..^newline.Length];
        return new ImportFile(ImportFile.Encode(content, bom), expected);
    }

    private static string Line(string[] values, bool quoteAll, string newline)
    {
        using var writer = new StringWriter();
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", ShouldQuote = args => quoteAll || ConfigurationFunctions.ShouldQuote(args) }))
        {
            foreach (var value in values)
            {
                csv.WriteField(value);
            }
        }

        return writer.ToString() + newline;
    }

    /// <summary>The request a row describes: the text as written, the other columns trimmed, blank ones absent.</summary>
    private static SubmitFeedbackRequest Request(Func<string, string?> value)
    {
        string? Other(string column) => value(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        return new SubmitFeedbackRequest
        {
            ExternalId = Other("externalId"), Text = value(ImportColumns.Text) ?? "", CustomerId = Other("customerId"), CustomerTier = Other("customerTier"),
            CustomerEmail = Other("customerEmail"), CustomerPhone = Other("customerPhone"), CustomerName = Other("customerName"),
        };
    }

    public static Gen<ImportFile> JsonLines =>
        from lines in Gen.Sized(size => Gen.Choose(0, Math.Min(30, size))).SelectMany(n => Gen.ArrayOf(JsonLine, n))
        from newline in Gen.Elements("\r\n", "\n")
        from bom in Gen.Elements(false, true)
        from finalNewline in Gen.Elements(true, false)
        select WriteJsonLines(lines, newline, bom, finalNewline);

    private static Gen<(string Line, SubmitFeedbackRequest? Request, string? Reason)> JsonLine => Gen.Frequency(
        (6, RequestGen.Select(r => (JsonSerializer.Serialize(r, Json), (SubmitFeedbackRequest?)r, (string?)null))),
        (1, Gen.Elements("", "   ", "\t").Select(blank => (blank, (SubmitFeedbackRequest?)null, (string?)null))),
        (1, RequestGen.Select(r => (JsonSerializer.Serialize(r, Json)[..10], (SubmitFeedbackRequest?)null, (string?)"is not valid JSON"))),
        (1, Gen.Elements("{\"text\":42}", "{\"text\":[\"a\"]}", "[1,2]", "42", "\"text\"", "{\"text\":\"a\",}", "{\"text\":\"\\ud800\"}")
            .Select(line => (line, (SubmitFeedbackRequest?)null, (string?)"is not valid JSON"))),
        (1, Gen.Constant(("null", (SubmitFeedbackRequest?)null, (string?)"must be a JSON object"))),
        (1, RequestGen.Select(r => (JsonSerializer.Serialize(r with { Text = ImportFile.InvalidByte + r.Text }, Json).Replace("\\uE000", ImportFile.InvalidByte.ToString()), (SubmitFeedbackRequest?)null, (string?)ImportEncoding.InvalidUtf8))),
        (1, Gen.Elements(JsonLinesImportReader.MaxLineLength + 1, JsonLinesImportReader.MaxLineLength + 40_000)
            .Select(length => (JsonSerializer.Serialize(new { text = new string('x', length) }, Json), (SubmitFeedbackRequest?)null, (string?)"is longer than"))));

    private static Gen<SubmitFeedbackRequest> RequestGen =>
        from text in Value
        from externalId in Gen.OneOf(Gen.Constant<string?>(null), Value.Select(v => (string?)v))
        from customerId in Gen.OneOf(Gen.Constant<string?>(null), Value.Select(v => (string?)v))
        from name in Gen.OneOf(Gen.Constant<string?>(null), Value.Select(v => (string?)v))
        select new SubmitFeedbackRequest { Text = text, ExternalId = externalId, CustomerId = customerId, CustomerName = name };

    private static ImportFile WriteJsonLines((string Line, SubmitFeedbackRequest? Request, string? Reason)[] lines, string newline, bool bom, bool finalNewline)
    {
        var expected = lines.Select((l, i) => (l, Row: i + 1L)).Where(x => !string.IsNullOrWhiteSpace(x.l.Line))
            .Select(x => new ExpectedRow(x.Row, x.l.Request, x.l.Reason)).ToList();
        var content = string.Join(newline, lines.Select(l => l.Line)) + (finalNewline && lines.Length > 0 ? newline : "");
        return new ImportFile(ImportFile.Encode(content, bom), expected);
    }

    /// <summary>Bytes with CSV's and JSON's structure characters, BOMs and invalid UTF-8 more common than chance makes them.</summary>
    public static Gen<byte[]> Noise =>
        Gen.Sized(size => Gen.Choose(0, size * 20)).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
            (5, Gen.Elements("text", "externalId", ",", "\"", "\n", "\r\n", "\r", "{", "}", ":", "[", "a", "送", " ", "\"\"", "\\").Select(Encoding.UTF8.GetBytes)),
            (1, Gen.Elements<byte[]>([0xEF, 0xBB, 0xBF], [0xFF], [0xC3, 0x28], [0xE4, 0xB8], [0x00]))), n))
        .Select(chunks => chunks.SelectMany(c => c).ToArray());
}
