using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Configuration;
using Quality.Intake.Features.Reviews;

namespace Quality.Intake.Tests.Fuzzing.Reviews;

/// <summary>
/// Mappings with paths of every shape JsonPath reads (members, quoted names, indexes), payloads written for
/// them, and JSON that is anything but: deep, mistyped, null, huge numbers, escapes that are not Unicode.
/// </summary>
internal static class ReviewGen
{
    /// <summary>The two sources the service tests configure, read as the service reads them.</summary>
    public static readonly ReviewSourceOptions[] Configured =
    [
        .. new ConfigurationBuilder().AddInMemoryCollection(IntakeServers.ReviewSources).Build()
            .GetSection(ReviewSourcesOptions.SectionName).Get<ReviewSourcesOptions>()!.ReviewSources.Values,
    ];

    /// <summary>The mapped paths in field order: ExternalId, Text, Rating, Author, CreatedAt, Language.</summary>
    public static string?[] Paths(ReviewSourceOptions m) => [m.ExternalId, m.Text, m.Rating, m.Author, m.CreatedAt, m.Language];

    private static readonly string[] Names = ["review", "user name", "评论", "a.b", "it's", "x[1]", "", "$", "data"];

    private static Gen<object[]> Steps =>
        Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Frequency((3, Gen.Elements(Names).Select(s => (object)s)), (1, Gen.Choose(0, 3).Select(i => (object)i))), n));

    private static string Path(IEnumerable<object> steps) => "$" + string.Concat(steps.Select(step => step switch
    {
        int index => $"[{index}]",
        string name when name.Length > 0 && name.IndexOfAny(['.', '[', ']', '\'']) < 0 => $".{name}",
        var name => $"['{name}']",
    }));

    public static Gen<ReviewCase> Valid =>
        from steps in Gen.ArrayOf(Steps, 6)
        from min in Gen.Elements(0.0, 1.0)
        from max in Gen.Elements(5.0, 10.0)
        from externalId in Gen.OneOf(FuzzText.Sentence.Select(s => (JsonNode)JsonValue.Create(s)!), Gen.Choose(0, int.MaxValue).Select(i => (JsonNode)JsonValue.Create(i * 1000L)!))
        from text in Gen.OneOf(Gen.Constant<string?>(null), FuzzText.Sentence.Select(s => (string?)$" {s}\n"))
        from rating in Gen.OneOf(
            Gen.Constant<(JsonNode?, double?)>((null, null)),
            Gen.Choose((int)min * 10, (int)max * 10).Select(r => ((JsonNode?)JsonValue.Create(r / 10.0), (double?)(r / 10.0))),
            Gen.Choose((int)min, (int)max).Select(r => ((JsonNode?)JsonValue.Create(r.ToString(CultureInfo.InvariantCulture)), (double?)r)),
            Gen.Elements(("low", min), ("HIGH", max)).Select(w => ((JsonNode?)JsonValue.Create(w.Item1), (double?)w.Item2)))
        where text is not null || rating.Item2 is not null
        from author in Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>("  "), FuzzText.Sentence.Select(s => (string?)$"  {s} "))
        from created in Gen.OneOf(
            Gen.Constant<(JsonNode?, DateTimeOffset?)>((null, null)),
            Gen.Choose(0, 2_000_000_000).Select(s => ((JsonNode?)JsonValue.Create((long)s), (DateTimeOffset?)DateTimeOffset.FromUnixTimeSeconds(s))),
            Gen.Zip(Gen.Choose(0, 2_000_000_000), Gen.Choose(-14, 14)).Select(p =>
            {
                var at = DateTimeOffset.FromUnixTimeSeconds(p.Item1).ToOffset(TimeSpan.FromHours(p.Item2));
                return ((JsonNode?)JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture)), (DateTimeOffset?)at);
            }))
        from language in Gen.Elements<(string?, string?)>((null, null), ("zh", "zh"), ("zh-CN", "zh"), ("ZH_tw", "zh"), ("en-GB", "en"), ("EN", "en"), ("fr", null), ("", null))
        select Build(steps, min, max, externalId, text, rating, author, created, language);

    private static ReviewCase Build(
        object[][] steps, double min, double max, JsonNode externalId, string? text, (JsonNode? Node, double? Value) rating, string? author,
        (JsonNode? Node, DateTimeOffset? Value) created, (string? Tag, string? Language) language)
    {
        // Each field under its own top-level member, so no two paths contend for one place.
        var paths = steps.Select((s, i) => (object[])[$"f{i}", .. s]).ToArray();
        var mapping = new ReviewSourceOptions
        {
            ExternalId = Path(paths[0]), Text = Path(paths[1]), Rating = Path(paths[2]), Author = Path(paths[3]), CreatedAt = Path(paths[4]), Language = Path(paths[5]),
            RatingScale = new RatingScaleOptions { Min = min, Max = max, ComplaintAtOrBelow = min + 1, Values = new() { ["LOW"] = min, ["high"] = max } },
        };
        var payload = new JsonObject();
        Place(payload, paths[0], externalId);
        Place(payload, paths[1], text is null ? null : JsonValue.Create(text));
        Place(payload, paths[2], rating.Node);
        Place(payload, paths[3], author is null ? null : JsonValue.Create(author));
        Place(payload, paths[4], created.Node);
        Place(payload, paths[5], language.Tag is null ? null : JsonValue.Create(language.Tag));
        var id = externalId.GetValueKind() == System.Text.Json.JsonValueKind.Number ? externalId.ToJsonString() : externalId.GetValue<string>();
        var expected = new ReviewFields(id, text?.Trim() ?? "", rating.Value, string.IsNullOrWhiteSpace(author) ? null : author.Trim(), created.Value, language.Language);
        return new ReviewCase(mapping, payload, expected);
    }

    /// <summary>Puts the value at the path, making the objects and arrays on the way; a null value leaves the path out.</summary>
    public static void Place(JsonObject root, object[] steps, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        JsonNode node = root;
        for (var i = 0; i < steps.Length; i++)
        {
            var last = i == steps.Length - 1;
            JsonNode Next() => last ? value : steps[i + 1] is int ? new JsonArray() : new JsonObject();
            switch (steps[i])
            {
                case string name:
                    node = ((JsonObject)node)[name] ??= Next();
                    break;
                case int index:
                    var array = (JsonArray)node;
                    while (array.Count <= index)
                    {
                        array.Add(array.Count == index ? Next() : JsonValue.Create("filler"));
                    }

                    node = array[index]!;
                    break;
            }
        }
    }

    /// <summary>Any JSON value as text, including what a serializer would never write.</summary>
    public static Gen<string> AnyJson => Gen.Sized(size => Json(Math.Min(size / 10, 4)));

    private static Gen<string> Json(int depth)
    {
        var leaves = Gen.Elements(
            "null", "true", "false", "0", "-0", "1", "4.5", "-1", "1e400", "-1e400", "1E-400", "123456789012345678901234567890", "9223372036854775808",
            "\"\"", "\"  \"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"ONE\"", "\"five\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"",
            "\"2026-03-01T08:15:00Z\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00+14:00\"", "253402300800", "-1", "\"zh-CN\"", "\"送餐太慢了\"",
            $"\"{new string('x', 20_001)}\"", $"\"{new string('y', 151)}\"", "\"😞\"");
        if (depth <= 0)
        {
            return leaves;
        }

        return Gen.Frequency(
            (4, leaves),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Json(depth - 1), n)).Select(items => $"[{string.Join(',', items)}]")),
            (2, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Elements(Names.Concat(["review", "data", "id", "score", "texts", "body text", "reviewId", "comment", "starRating", "f0", "f1", "f2"]).ToArray()), Json(depth - 1)), n))
                .Select(members => "{" + string.Join(',', members.Select(m => $"{System.Text.Json.JsonSerializer.Serialize(m.Item1)}:{m.Item2}")) + "}")),
            (1, Gen.Elements(70, 200).Select(levels => new string('[', levels) + new string(']', levels))));
    }
}
