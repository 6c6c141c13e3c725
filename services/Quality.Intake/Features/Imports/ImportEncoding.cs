using System.Text;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Files are read as UTF-8 with invalid bytes replaced by U+FFFD rather than thrown on: a decoder exception
/// would stop the file at the first bad byte, while a replacement lets that one row be rejected and the
/// rest go on.
/// </summary>
public static class ImportEncoding
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The same, with the BOM as its preamble: the reader skips a BOM that Excel or Notepad put before the first
    /// row, which would otherwise be read as part of the first field or JSON line.
    /// </summary>
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false);

    public const string InvalidUtf8 = "is not valid UTF-8: save the file as UTF-8 (GBK, Big5 and Latin-1 are not read)";

    public static bool HasInvalidBytes(string text) => text.Contains('\uFFFD');

    public static StreamReader Reader(Stream stream) =>
        new(stream, Utf8WithBom, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
}
