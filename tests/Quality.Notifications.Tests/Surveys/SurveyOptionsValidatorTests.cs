using Quality.Notifications.Features.Surveys;

namespace Quality.Notifications.Tests.Surveys;

public sealed class SurveyOptionsValidatorTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static IReadOnlyList<string> Failures(SurveyOptions options) =>
        new SurveyOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Invitations_are_on_by_default_only_when_a_link_key_is_configured()
    {
        Assert.False(new SurveyOptions().IsEnabled);
        Assert.True(new SurveyOptions { LinkKey = Key }.IsEnabled);
        Assert.False(new SurveyOptions { LinkKey = Key, Enabled = false }.IsEnabled);
        Assert.Empty(Failures(new SurveyOptions()));
    }

    [Fact]
    public void A_complete_configuration_passes()
    {
        Assert.Empty(Failures(new SurveyOptions { LinkKey = Key, LinkBaseUrl = "https://feedback.example.com", SurveyType = "NPS" }));
    }

    [Fact]
    public void Enabled_without_a_key_names_the_key_and_why()
    {
        var failure = Assert.Single(Failures(new SurveyOptions { Enabled = true, LinkBaseUrl = "https://feedback.example.com" }));

        Assert.StartsWith("Configuration value 'Notifications:Surveys:LinkKey' is missing: survey invitations are enabled", failure);
    }

    [Theory]
    [InlineData("not base64!", "is invalid: it is not base64.")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "is invalid: it decodes to 16 bytes; at least 32 are required.")]
    public void A_key_that_is_not_base64_or_too_short_is_refused(string key, string reason)
    {
        var failure = Assert.Single(Failures(new SurveyOptions { LinkKey = key, LinkBaseUrl = "https://feedback.example.com" }));

        Assert.Equal($"Configuration value 'Notifications:Surveys:LinkKey' {reason}", failure);
    }

    [Fact]
    public void Without_a_link_address_nor_a_discovered_intake_it_says_what_to_set()
    {
        var failure = Assert.Single(Failures(new SurveyOptions { LinkKey = Key }));

        Assert.Equal("Configuration value 'Notifications:Surveys:LinkBaseUrl' is missing: set the address customers reach Intake at, or reference Intake so 'services:intake:http:0' is known.", failure);
    }

    [Theory]
    [InlineData("feedback.example.com")]
    [InlineData("ftp://feedback.example.com")]
    [InlineData("https://feedback.example.com/?x=1")]
    public void A_link_address_that_is_not_absolute_http_is_refused(string url)
    {
        var failure = Assert.Single(Failures(new SurveyOptions { LinkKey = Key, LinkBaseUrl = url }));

        Assert.Equal($"Configuration value 'Notifications:Surveys:LinkBaseUrl' is invalid: '{url}' is not an absolute http(s) address without a query.", failure);
    }

    [Fact]
    public void An_unknown_survey_type_is_refused_even_while_disabled()
    {
        var failure = Assert.Single(Failures(new SurveyOptions { SurveyType = "stars" }));

        Assert.Equal("Configuration value 'Notifications:Surveys:SurveyType' is invalid: 'stars' is not csat, nps or ces.", failure);
    }
}
