using FsCheck;
using FsCheck.Fluent;
using Quality.Intake.Features.Imports;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Fuzzing.Imports;

/// <summary>
/// The CSV and JSON Lines readers against generated files: every row is yielded or rejected under its own
/// number with a reason, none skipped or repeated, valid rows read back as written, and nothing is thrown but
/// the documented header error (a 400) or the stop at a runaway field.
/// </summary>
public sealed class ImportReaderFuzzTests
{
    [Fact]
    public void Csv_rows_come_back_as_written_or_rejected_under_their_own_row_number()
    {
        Fuzz.Check(Prop.ForAll(ImportGen.Csv.ToArbitrary(), file => AssertRows(file, ReadCsv(file.Bytes))), cases: 500);
    }

    [Fact]
    public void Json_lines_come_back_as_written_or_rejected_under_their_line_number()
    {
        Fuzz.Check(Prop.ForAll(ImportGen.JsonLines.ToArbitrary(), file => AssertRows(file, ReadJsonLines(file.Bytes))), cases: 300);
    }

    [Fact]
    public void Any_bytes_as_csv_are_rows_or_a_header_error_and_nothing_else()
    {
        Fuzz.Check(Prop.ForAll(Fuzz.Shrinking(ImportGen.Noise), raw => AssertNumbered(ReadCsv(raw.Bytes))), cases: 500);
    }

    [Fact]
    public void Any_bytes_as_json_lines_are_rows_numbered_by_line_and_nothing_else()
    {
        Fuzz.Check(Prop.ForAll(Fuzz.Shrinking(ImportGen.Noise), raw =>
        {
            var rows = ReadJsonLines(raw.Bytes);
            AssertNumbered(rows);
            Assert.All(rows, r => Assert.InRange(r.Row, 1, raw.Bytes.Count(b => b == '\n') + 1));
        }), cases: 500);
    }

    [Fact]
    public void The_bounded_line_reader_answers_every_line_and_flags_exactly_those_over_the_limit()
    {
        var text = Gen.Sized(size => Gen.Choose(0, size * 3)).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', '送', '\r', '\n', '\n'), n))
            .Select(chars => new string(chars));
        Fuzz.Check(Prop.ForAll(text.ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (content, maxLength, chunk) =>
        {
            // A line ends at '\n', its '\r' before it dropped; the text after the last '\n', if any, is a line as it is.
            var pieces = content.Split('\n');
            var lines = pieces[..^1].Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
            if (pieces[^1].Length > 0)
            {
                lines.Add(pieces[^1]);
            }

            var reader = new BoundedLineReader(new ChoppyReader(content, chunk), maxLength);
            foreach (var line in lines)
            {
                var (end, text, tooLong) = reader.ReadLineAsync(Fuzz.Cancellation).AsTask().GetAwaiter().GetResult();
                Assert.False(end);
                Assert.Equal(line.Length > maxLength, tooLong);
                Assert.Equal(tooLong ? null : line, text);
            }

            Assert.True(reader.ReadLineAsync(Fuzz.Cancellation).AsTask().GetAwaiter().GetResult().End);
        }), cases: 2_000);
    }

    private static void AssertRows(ImportFile file, List<ImportRow> rows)
    {
        Assert.Equal(file.Rows.Select(r => r.Row), rows.Select(r => r.Row));
        foreach (var (expected, actual) in file.Rows.Zip(rows))
        {
            Assert.Equal(expected.Request, actual.Request);
            if (expected.Reason is null)
            {
                Assert.Null(actual.Error);
            }
            else
            {
                Assert.Contains(expected.Reason, actual.Error);
            }
        }
    }

    /// <summary>Row numbers rise, each row is an item or a reason, and a stop comes after the last row read.</summary>
    private static void AssertNumbered(List<ImportRow> rows)
    {
        Assert.Equal(rows.Select(r => r.Row).Distinct().Order(), rows.Select(r => r.Row));
        Assert.All(rows, r => Assert.True(r.Request is null != r.Error is null, $"row {r.Row} must be an item or a reason"));
    }

    /// <summary>As the import does it: the header checked at upload (a 400 when wrong), then the rows; a stop is the last row.</summary>
    private static List<ImportRow> ReadCsv(byte[] bytes)
    {
        try
        {
            Fuzz.Within(() => CsvImportReader.ReadHeaderAsync(new MemoryStream(bytes), Fuzz.Cancellation), "header");
        }
        catch (RequestValidationException e)
        {
            Assert.Equal(["header"], e.Errors.Keys);
            return [];
        }

        return Fuzz.Within(async () =>
        {
            var rows = new List<ImportRow>();
            try
            {
                await foreach (var row in CsvImportReader.ReadAsync(new MemoryStream(bytes), 0, Fuzz.Cancellation))
                {
                    rows.Add(row);
                }
            }
            catch (ImportStoppedException e)
            {
                rows.Add(ImportRow.Unreadable(e.Row, e.Reason));
            }

            return rows;
        }, "rows");
    }

    private static List<ImportRow> ReadJsonLines(byte[] bytes) =>
        Fuzz.Within(async () => await JsonLinesImportReader.ReadAsync(new MemoryStream(bytes), 0, Fuzz.Cancellation).ToListAsync(Fuzz.Cancellation), "lines");
}
