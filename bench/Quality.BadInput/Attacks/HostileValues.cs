namespace Quality.BadInput.Attacks;

/// <summary>
/// The values an attacker or a broken client sends: injections (SQL, script, path, header), encodings a parser
/// trips on, and sizes and numbers at and beyond every limit. Fixed, so a finding is reproducible; the random part
/// of a run comes from <see cref="RandomValues"/>.
/// </summary>
public static class HostileValues
{
    /// <summary>
    /// Strings no field takes: a NUL character, and lengths past any field's limit. Sent to every string field,
    /// free text included.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Value)> InvalidEverywhere =
    [
        ("nul-character", "before\0after"),
        ("overlong", new string('x', 100_000)),
        ("overlong-chinese", string.Concat(Enumerable.Repeat("投诉", 40_000))),
    ];

    /// <summary>
    /// Injections and odd text: fine as free text (stored as it is, shown escaped), but never an id, a name of a
    /// scope, period or metric, or any other value a service looks up or parses. Sent to those fields, path segments
    /// and query parameters.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Injections =
    [
        ("sql-quote", "' OR '1'='1' --"),
        ("sql-stacked", "1; DROP TABLE feedback_items; --"),
        ("sql-union", "x' UNION SELECT password FROM pg_shadow --"),
        ("script", "<script>alert(document.cookie)</script>"),
        ("html-attribute", "\"><img src=x onerror=alert(1)>"),
        ("path-traversal", "../../../../etc/passwd"),
        ("path-encoded", "..%2f..%2f..%2fetc%2fpasswd"),
        ("header-crlf", "x\r\nSet-Cookie: stolen=1\r\n\r\n"),
        ("control-characters", "\u0001\u0002\u0007\u001b[31m\u007f"),
        ("format-string", "%s%s%s%n{0}{1}${jndi:ldap://127.0.0.1/x}"),
        ("json-in-string", "{\"role\":\"admin\"}"),
        ("unicode-mixed", "送餐太慢 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮rtl‬ 🙂\u200b\ufeff"),
        ("empty", ""),
        ("whitespace", " \t\n "),
    ];

    public static IEnumerable<(string Name, string Value)> Strings => Injections.Concat(InvalidEverywhere);

    /// <summary>JSON number literals past what any number field holds, written raw.</summary>
    public static readonly IReadOnlyList<(string Name, string Literal)> Numbers =
    [
        ("huge-exponent", "1e308"),
        ("negative-huge", "-1e308"),
        ("beyond-double", "1e999"),
    ];

    /// <summary>And past what an integer field holds.</summary>
    public static readonly IReadOnlyList<(string Name, string Literal)> IntegerOnlyNumbers =
    [
        ("fraction", "0.5"),
        ("long-overflow", "9223372036854775808"),
    ];

    /// <summary>Bodies that parse as a JSON object: malformed only for an operation whose body has fields to get wrong.</summary>
    public static readonly IReadOnlySet<string> ObjectBodies = new HashSet<string>(
        ["empty", "null", "comment", "duplicate-keys", "escaped-lone-surrogate", "many-properties", "deep-objects", "invalid-utf8"], StringComparer.Ordinal);

    /// <summary>Path values that are well-formed ids: malformed only where the id must already exist, not where a PUT creates it.</summary>
    public static readonly IReadOnlySet<string> PlausibleIds = new HashSet<string>(
        ["unknown-guid", "empty-guid", "not-a-guid", "negative-number", "unicode"], StringComparer.Ordinal);

    /// <summary>Whole JSON bodies that are broken or of the wrong shape.</summary>
    public static readonly IReadOnlyList<(string Name, string Body)> Bodies =
    [
        ("empty", ""),
        ("null", "null"),
        ("array", "[]"),
        ("string", "\"text\""),
        ("number", "42"),
        ("truncated", "{\"text\": \"送餐太慢"),
        ("unclosed", "{"),
        ("trailing-garbage", "{} trailing"),
        ("single-quotes", "{'text': 'x'}"),
        ("comment", "/* c */ {}"),
        ("nan", "{\"score\": NaN}"),
        ("deep-nesting", new string('[', 10_000) + new string(']', 10_000)),
        ("deep-objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
        ("duplicate-keys", "{\"id\": 1, \"id\": \"x\", \"id\": null}"),
        ("escaped-lone-surrogate", "{\"text\": \"\\ud800\"}"),
        ("many-properties", "{" + string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"\"p{i}\":{i}")) + "}"),
    ];

    /// <summary>Bytes that are not UTF-8, sent as a JSON body.</summary>
    public static readonly byte[] InvalidUtf8Json = [(byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, (byte)'"', (byte)'}'];

    /// <summary>Values for a path segment: the strings above, plus ids that do not exist or are not ids.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> PathValues =
    [
        ("unknown-guid", "5d0c6c1e-8f3b-4c8e-9a4e-000000000001"),
        ("empty-guid", "00000000-0000-0000-0000-000000000000"),
        ("not-a-guid", "not-a-guid"),
        ("negative-number", "-1"),
        ("sql-quote", "' OR '1'='1"),
        ("path-traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("nul", "%00"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("overlong", new string('a', 5_000)),
        ("unicode", "%E6%8A%95%E8%AF%89"),
    ];

    /// <summary>Values for a query parameter: wrong types, impossible dates and limits.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> QueryValues =
    [
        ("not-a-number", "abc"),
        ("negative", "-1"),
        ("huge", "99999999999999999999"),
        ("impossible-date", "2026-13-45T25:61:00Z"),
        ("far-date", "9999-12-31T23:59:59Z"),
        ("sql-quote", "' OR '1'='1"),
        ("script", "<script>alert(1)</script>"),
        ("overlong", new string('q', 4_000)),
        ("nul", "\0"),
    ];
}
