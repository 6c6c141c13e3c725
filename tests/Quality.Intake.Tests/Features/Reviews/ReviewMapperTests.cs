using System.Text.Json;
using Quality.Intake.Features.Reviews;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Tests.Features.Reviews;

/// <summary>The mapping's pure part, on the cases the fuzz harness (tests/…/Fuzzing/Reviews) found wrong.</summary>
public sealed class ReviewMapperTests
{
    private static readonly ReviewSourceOptions Mapping = new()
    {
        ExternalId = "$.id", Text = "$.text", Rating = "$.stars", Author = "$.by", CreatedAt = "$.at",
    };

    private static IReadOnlyDictionary<string, string[]> Refusal(string json)
    {
        using var payload = JsonDocument.Parse(json);
        return Assert.Throws<RequestValidationException>(() => ReviewMapper.Map(Mapping, payload.RootElement)).Errors;
    }

    [Theory]
    [InlineData("{\"id\":\"\",\"text\":\"cold\"}")]
    [InlineData("{\"id\":\"   \",\"text\":\"cold\"}")]
    public void A_blank_review_id_is_refused_as_missing(string json)
    {
        Assert.Contains("is required", Assert.Single(Refusal(json)["$.id"]));
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("1e400")]
    public void A_rating_that_is_not_a_finite_number_is_refused(string stars)
    {
        Assert.Equal(["$.stars"], Refusal($"{{\"id\":\"r1\",\"stars\":{stars}}}").Keys);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("by")]
    [InlineData("at")]
    [InlineData("stars")]
    [InlineData("id")]
    public void A_string_escaping_half_a_surrogate_pair_is_refused_naming_its_path(string member)
    {
        var json = member == "id" ? "{\"id\":\"\\ud800\",\"text\":\"ok\"}" : $"{{\"id\":\"r1\",\"text\":\"ok\",\"{member}\":\"\\ud800x\"}}";

        Assert.Contains($"$.{member}", Refusal(json).Keys);
    }

    [Fact]
    public void A_quoted_name_may_hold_brackets()
    {
        Assert.True(JsonPath.TryParse("$['x[1]'].y['a]b']", out var path, out var error), error);
        using var payload = JsonDocument.Parse("{\"x[1]\":{\"y\":{\"a]b\":\"found\"}}}");

        Assert.True(path.TryFind(payload.RootElement, out var value));
        Assert.Equal("found", value.GetString());
    }
}
