using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Quality.Intake.Features.Reviews;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Fuzzing.Reviews;

/// <summary>
/// The review webhook mapping against generated payloads: a payload is mapped or refused with errors naming
/// mapped paths — never anything else — and a payload written for a mapping reads back as written.
/// </summary>
public sealed class ReviewMapperFuzzTests
{
    [Fact]
    public void A_payload_written_for_a_mapping_maps_to_its_fields()
    {
        Fuzz.Check(Prop.ForAll(ReviewGen.Valid.ToArbitrary(), review =>
        {
            using var payload = JsonDocument.Parse(review.Payload.ToJsonString());

            Assert.Equal(review.Expected, ReviewMapper.Map(review.Mapping, payload.RootElement));
        }), cases: 1_000);
    }

    [Fact]
    public void Any_json_against_the_configured_sources_is_mapped_or_refused_naming_a_mapped_path()
    {
        var cases = Gen.Zip(Gen.Elements(ReviewGen.Configured), ReviewGen.AnyJson);
        Fuzz.Check(Prop.ForAll(cases.ToArbitrary(), c => MapOrRefuse(c.Item1, c.Item2)), cases: 1_000);
    }

    [Fact]
    public void A_valid_payload_with_one_mapped_value_replaced_by_any_json_is_mapped_or_refused_naming_a_mapped_path()
    {
        var cases = from review in ReviewGen.Valid
                    from field in Gen.Choose(0, 5)
                    from value in ReviewGen.AnyJson
                    select (review.Mapping, Replace(review, field, value));
        Fuzz.Check(Prop.ForAll(cases.ToArbitrary(), c => MapOrRefuse(c.Mapping, c.Item2)), cases: 1_000);
    }

    [Fact]
    public void Any_path_text_parses_or_is_refused_with_a_reason()
    {
        var paths = Gen.OneOf(FuzzText.AnyChars.Select(s => "$" + s), FuzzText.AnyChars,
            Gen.ArrayOf(Gen.Elements("$", ".", "[", "]", "'", "0", "a", "2147483648", "-1", " "), 8).Select(string.Concat));
        Fuzz.Check(Prop.ForAll(paths.ToArbitrary(), text =>
        {
            var parsed = JsonPath.TryParse(text, out var path, out var error);
            Assert.True(parsed ? path is not null : error.Length > 0);
        }), cases: 2_000);
    }

    private static string Replace(ReviewCase review, int field, string value)
    {
        var path = ReviewGen.Paths(review.Mapping)[field]!;
        var payload = review.Payload.ToJsonString();
        // The value is replaced in the text, not the node tree, so JSON no serializer writes (1e400, "\ud800") gets through.
        var original = JsonPath.TryParse(path, out var parsed, out _) && parsed.TryFind(JsonDocument.Parse(payload).RootElement, out var found) ? found.GetRawText() : null;
        return original is null ? payload : payload.Replace(original, value);
    }

    /// <summary>The endpoint's steps: invalid JSON is its 400 on body; otherwise mapped, or refused naming mapped paths only.</summary>
    private static void MapOrRefuse(ReviewSourceOptions mapping, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return;
        }

        using (document)
        {
            try
            {
                var fields = ReviewMapper.Map(mapping, document.RootElement);
                Assert.False(string.IsNullOrWhiteSpace(fields.ExternalId), "an id");
                Assert.InRange(fields.ExternalId.Length, 1, 150);
                Assert.InRange(fields.Text.Length, 0, ReviewMapper.MaxTextLength);
                Assert.True(fields.Text.Length > 0 || fields.Rating is not null);
                Assert.True(fields.Rating is null || double.IsFinite(fields.Rating.Value) && fields.Rating >= mapping.RatingScale.Min && fields.Rating <= mapping.RatingScale.Max,
                    $"rating {fields.Rating} within the scale");
                Assert.InRange(fields.Author?.Length ?? 1, 1, 200);
            }
            catch (RequestValidationException e)
            {
                var mapped = ReviewGen.Paths(mapping).OfType<string>().ToHashSet();
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors.Keys, key => Assert.Contains(key, mapped));
            }
        }
    }
}
