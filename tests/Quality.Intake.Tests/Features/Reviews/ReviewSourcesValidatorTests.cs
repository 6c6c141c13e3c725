using System.Text.Json;
using Quality.Intake.Features.Reviews;

namespace Quality.Intake.Tests.Features.Reviews;

public sealed class ReviewSourcesValidatorTests
{
    [Fact]
    public void A_bad_mapping_fails_naming_each_configuration_key()
    {
        var options = new ReviewSourcesOptions
        {
            ReviewSources =
            {
                ["Bad Name"] = new ReviewSourceOptions { ExternalId = "$.id", Text = "$.text" },
                ["shop"] = new ReviewSourceOptions
                {
                    Text = "review.text",
                    Rating = "$.stars[x]",
                    RatingScale = new RatingScaleOptions { Min = 5, Max = 1, Values = { ["TEN"] = 10 } },
                },
            },
        };

        var result = new ReviewSourcesValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:Bad Name'"));
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:shop:ExternalId' is missing"));
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:shop:Text' is invalid"));
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:shop:Rating' is invalid"));
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:shop:RatingScale' is invalid"));
        Assert.Contains(failures, f => f.Contains("'Intake:ReviewSources:shop:RatingScale:Values:TEN' is invalid"));
    }

    [Theory]
    [InlineData("$.a.b", "2")]
    [InlineData("$.list[1].name", "second")]
    [InlineData("$['odd key'].x", "3")]
    [InlineData("$.list[5].name", null)]
    [InlineData("$.a.missing", null)]
    [InlineData("$.nothing", null)]
    public void A_path_finds_one_value_or_nothing(string path, string? expected)
    {
        using var document = JsonDocument.Parse("""{"a":{"b":2},"list":[{"name":"first"},{"name":"second"}],"odd key":{"x":3},"nothing":null}""");

        Assert.True(JsonPath.TryParse(path, out var parsed, out _));
        var found = parsed.TryFind(document.RootElement, out var value);

        Assert.Equal(expected, found ? value.ToString() : null);
    }
}
