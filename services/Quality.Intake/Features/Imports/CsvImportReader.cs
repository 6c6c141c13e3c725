using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Reads a CSV file one record at a time (CsvHelper buffers a block, never the file). A record with bad
/// quoting, the wrong number of fields or invalid UTF-8 becomes a rejected row; a field so long it can only
/// be an unclosed quote swallowing the rest of the file stops the import there.
/// </summary>
public sealed class CsvImportReader
{
    /// <summary>Well above the 20,000-character text limit, so a long but honest field is rejected by the validator, not here.</summary>
    public const int MaxFieldLength = 100_000;

    /// <summary>Reads and checks the header: an unreadable one is the whole file's problem, answered with a 400.</summary>
    public static async Task<string[]> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var text = ImportEncoding.Reader(stream);
        var badData = false;
        using var csv = new CsvReader(text, Configuration(() => badData = true));
        try
        {
            return await ReadHeaderAsync(csv, () => badData, cancellationToken);
        }
        catch (CsvHelperException)
        {
            throw new RequestValidationException("header", "is not readable CSV (an unclosed quote?)");
        }
    }

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, long skipThroughRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = ImportEncoding.Reader(stream);
        var badData = false;
        using var csv = new CsvReader(text, Configuration(() => badData = true));
        var header = await ReadHeaderAsync(csv, () => badData, cancellationToken);
        var columns = header.Select((name, index) => (Column: ImportColumns.Known(name)!, index)).ToDictionary(c => c.Column, c => c.index);

        while (true)
        {
            badData = false;
            bool read;
            try
            {
                read = await csv.ReadAsync();
            }
            catch (MaxFieldSizeException)
            {
                throw new ImportStoppedException(csv.Parser.Row, $"has a field over {MaxFieldLength:N0} characters, most likely an unclosed quote that runs on through the rest of the file");
            }

            if (!read)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            // Row, not RawRow: a record with a line break inside a quoted field is still one row in a spreadsheet,
            // and RawRow would number it, and every row after it, by its last physical line.
            var row = csv.Parser.Row;
            if (row <= skipThroughRow)
            {
                continue;
            }

            var fields = csv.Parser.Record ?? [];
            if (badData)
            {
                yield return ImportRow.Unreadable(row, "has bad quoting: a quote inside an unquoted field, or text after a closing quote");
            }
            else if (fields.Any(ImportEncoding.HasInvalidBytes))
            {
                yield return ImportRow.Unreadable(row, ImportEncoding.InvalidUtf8);
            }
            else if (fields.Length != header.Length)
            {
                yield return ImportRow.Unreadable(row, $"has {fields.Length} fields; the header has {header.Length}");
            }
            else
            {
                yield return ImportRow.Read(row, ImportColumns.Build(column => columns.TryGetValue(column, out var index) ? fields[index] : null));
            }
        }
    }

    private static async Task<string[]> ReadHeaderAsync(CsvReader csv, Func<bool> badData, CancellationToken cancellationToken)
    {
        if (!await csv.ReadAsync())
        {
            throw new RequestValidationException("header", $"is missing: the file is empty. The first row names the columns: {string.Join(", ", ImportColumns.All)}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var header = csv.Parser.Record ?? [];
        var errors = new List<string>();
        if (badData())
        {
            errors.Add("has bad quoting");
        }

        if (header.Any(ImportEncoding.HasInvalidBytes))
        {
            errors.Add(ImportEncoding.InvalidUtf8);
        }

        var unknown = header.Where(h => ImportColumns.Known(h) is null).ToList();
        if (errors.Count == 0 && unknown.Count > 0)
        {
            errors.Add($"has unknown columns ({string.Join(", ", unknown.Select(u => $"'{u}'"))}); the columns are: {string.Join(", ", ImportColumns.All)}");
        }

        var known = header.Select(ImportColumns.Known).OfType<string>().ToList();
        if (errors.Count == 0 && known.Distinct().Count() != known.Count)
        {
            errors.Add("names a column twice");
        }

        if (errors.Count == 0 && !known.Contains(ImportColumns.Text))
        {
            errors.Add("must name a text column");
        }

        return errors.Count > 0 ? throw new RequestValidationException(new Dictionary<string, string[]> { ["header"] = [.. errors] }) : header;
    }

    private static CsvConfiguration Configuration(Action onBadData) => new(CultureInfo.InvariantCulture)
    {
        BadDataFound = _ => onBadData(),
        MaxFieldSize = MaxFieldLength,
        // Field counts are checked per row, so a short row is rejected instead of thrown on.
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };
}
