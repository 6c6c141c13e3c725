using System.Text;
using Quality.Intake.Features.Imports;

namespace Quality.Intake.Tests.Features.Imports;

/// <summary>The readers' pure parts, on the cases the fuzz harness (tests/…/Fuzzing/Imports) found wrong.</summary>
public sealed class ImportReaderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bom_before_a_quoted_csv_header_is_skipped()
    {
        var file = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. "\"text\",\"externalId\"\r\n\"hello\",\"x-1\"\r\n"u8]);

        Assert.Equal(["text", "externalId"], await CsvImportReader.ReadHeaderAsync(file, Cancellation));
        file.Position = 0;
        var row = Assert.Single(await CsvImportReader.ReadAsync(file, 0, Cancellation).ToListAsync(Cancellation));
        Assert.Equal(("hello", "x-1"), (row.Request?.Text, row.Request?.ExternalId));
    }

    [Fact]
    public async Task A_bom_before_the_first_json_line_is_skipped()
    {
        var file = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. "{\"text\":\"hello\"}\n"u8]);

        var row = Assert.Single(await JsonLinesImportReader.ReadAsync(file, 0, Cancellation).ToListAsync(Cancellation));

        Assert.Equal((1L, "hello", null), (row.Row, row.Request?.Text, row.Error));
    }

    [Fact]
    public async Task Rows_after_a_record_with_a_line_break_are_numbered_as_a_spreadsheet_shows_them()
    {
        var file = new MemoryStream("text,externalId\n\"two\nlines\",a\nbad \"quote\" here,b\n\nfine,c\n"u8.ToArray());

        var rows = await CsvImportReader.ReadAsync(file, 0, Cancellation).ToListAsync(Cancellation);

        Assert.Equal([2L, 3, 5], rows.Select(r => r.Row));
        Assert.Contains("quoting", rows[1].Error);
    }

    [Fact]
    public async Task A_line_of_exactly_the_limit_ending_in_crlf_is_not_too_long()
    {
        var reader = new BoundedLineReader(new StringReader("abcd\r\nabcde\r\nabcd"), maxLength: 4);

        Assert.Equal((false, "abcd", false), await reader.ReadLineAsync(Cancellation));
        Assert.Equal((false, null, true), await reader.ReadLineAsync(Cancellation));
        Assert.Equal((false, "abcd", false), await reader.ReadLineAsync(Cancellation));
        Assert.True((await reader.ReadLineAsync(Cancellation)).End);
    }
}
