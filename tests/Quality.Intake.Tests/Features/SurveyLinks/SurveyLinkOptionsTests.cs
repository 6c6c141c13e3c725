using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Quality.Intake.Features.SurveyLinks;

namespace Quality.Intake.Tests.Features.SurveyLinks;

public sealed class SurveyLinkOptionsTests(IntakeServers servers)
{
    private static readonly string GoodKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void No_key_is_valid_and_turns_links_off()
    {
        var options = new SurveyLinkOptions();

        Assert.Empty(Validate(options));
        Assert.Empty(options.Keys());
    }

    [Fact]
    public void Current_and_previous_keys_are_both_accepted_current_first()
    {
        var previous = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new SurveyLinkOptions { LinkKey = GoodKey, PreviousLinkKey = previous };

        Assert.Empty(Validate(options));
        Assert.Equal([Convert.FromBase64String(GoodKey), Convert.FromBase64String(previous)], options.Keys());
    }

    [Theory]
    [InlineData("not base64!", "LinkKey")]
    [InlineData("c2hvcnQ=", "LinkKey")]
    public void A_bad_current_key_names_itself(string key, string member)
    {
        var failures = Validate(new SurveyLinkOptions { LinkKey = key });

        Assert.Equal(member, Assert.Single(failures).MemberNames.Single());
    }

    [Fact]
    public void A_previous_key_without_a_current_one_is_refused()
    {
        var failures = Validate(new SurveyLinkOptions { PreviousLinkKey = GoodKey });

        Assert.Equal("PreviousLinkKey", Assert.Single(failures).MemberNames.Single());
    }

    [Fact]
    public void A_short_key_stops_the_service_at_start_naming_the_setting()
    {
        using var intake = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Surveys:LinkKey"] = "c2hvcnQ=" });

        var error = Assert.Throws<OptionsValidationException>(() => intake.CreateClient());

        Assert.Contains("Intake:Surveys:LinkKey", error.Message);
        Assert.Contains("at least 32 random bytes", error.Message);
    }

    private static List<ValidationResult> Validate(SurveyLinkOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
