using FsCheck;
using FsCheck.Fluent;

namespace Quality.Intake.Tests.Fuzzing;

/// <summary>Text generators shared by the parsers' properties: customer words in the scripts the service reads, and noise.</summary>
internal static class FuzzText
{
    /// <summary>Words of feedback: English, simplified and traditional Chinese, accents, emoji, punctuation.</summary>
    public static readonly string[] Words =
    [
        "the", "food", "was", "cold", "late", "refund", "please", "order", "42", "courier", "rude", "thanks", "¥35.50", "café",
        "naïve", "送餐", "太慢了", "饭菜", "都凉了", "退款", "飯菜", "涼了", "訂單", "非常", "失望", "服务", "态度", "很好", "，", "。", "！",
        "😞", "👍", "“quoted”", "'single'", "\"double\"", "semi;colon", "a=b", "50%", "e-mail", "x@y", "(paren)", "tab\there",
    ];

    public static Gen<string> Word => Gen.Elements(Words);

    /// <summary>A sentence of 1 to about 12 words joined by single spaces: no leading, trailing or doubled whitespace.</summary>
    public static Gen<string> Sentence =>
        Gen.Sized(size => Gen.Choose(1, Math.Max(1, Math.Min(12, size / 4 + 1)))).SelectMany(count => Gen.ArrayOf(Word, count)).Select(words => string.Join(' ', words));

    /// <summary>Any UTF-16 string, lone surrogates and control characters included.</summary>
    public static Gen<string> AnyChars =>
        Gen.Sized(size => Gen.Choose(0, size)).SelectMany(length => Gen.ArrayOf(AnyChar, length)).Select(chars => new string(chars));

    private static Gen<char> AnyChar => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
        (2, Gen.Choose(0x4E00, 0x9FA5).Select(c => (char)c)),
        (2, Gen.Elements('\0', '\t', '\n', '\r', '"', '\'', '\\', ',', ';', '<', '>', '&', '\u00a0', '\u2028', '\uFEFF', '\uFFFD', '\u200B')),
        (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)));

    /// <summary>Random bytes, from none to a few kilobytes.</summary>
    public static Gen<byte[]> Bytes =>
        Gen.Sized(size => Gen.Choose(0, size * 40)).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length));
}
