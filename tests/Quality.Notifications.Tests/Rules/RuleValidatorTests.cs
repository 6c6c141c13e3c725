using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Webhooks;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Tests.Rules;

public sealed class RuleValidatorTests
{
    private static readonly RuleValidator Strict = new(Options.Create(new WebhookOptions { AllowPrivateNetworks = false }));
    private static readonly RuleValidator Lenient = new(Options.Create(new WebhookOptions { AllowPrivateNetworks = true }));

    private static CreateRuleRequest Valid(
        string[]? events = null, string channel = "webhook", string? url = "https://93.184.216.34/hook", string en = "Case {caseId} p{priority}") =>
        new("r", [.. events ?? ["SlaBreached"]], 2, new RuleScopeDto("team", "t1"), channel, url, new RuleTemplatesDto("案件 {caseId}", en));

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(CreateRuleRequest request, RuleValidator? validator = null) =>
        (await Assert.ThrowsAsync<RequestValidationException>(() => (validator ?? Strict).ValidateAsync(request, CancellationToken.None))).Errors;

    [Fact]
    public async Task A_valid_rule_comes_back_canonical()
    {
        var rule = await Strict.ValidateAsync(Valid(events: ["slabreached", "SlaWarning", "SlaBreached"]), CancellationToken.None);

        Assert.Equal(["SlaBreached", "SlaWarning"], rule.EventTypes);
        Assert.Equal("webhook", rule.Channel);
    }

    [Fact]
    public async Task Unknown_event_and_channel_are_named()
    {
        Assert.Contains("eventTypes[1]", (await ErrorsAsync(Valid(events: ["SlaBreached", "CaseExploded"]))).Keys);
        Assert.Contains("channel", (await ErrorsAsync(Valid(channel: "pigeon"))).Keys);
        Assert.Contains("channel", (await ErrorsAsync(Valid(channel: "email"))).Keys);
    }

    [Theory]
    [InlineData("ftp://93.184.216.34/hook")]
    [InlineData("not a url")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://user:pw@93.184.216.34/")]
    [InlineData(null)]
    public async Task Forbidden_or_malformed_webhook_urls_are_refused(string? url) =>
        Assert.Contains("webhookUrl", (await ErrorsAsync(Valid(url: url))).Keys);

    [Fact]
    public async Task Private_addresses_pass_when_allowed_but_link_local_never_does()
    {
        await Lenient.ValidateAsync(Valid(url: "http://127.0.0.1:5000/hook"), CancellationToken.None);
        Assert.Contains("webhookUrl", (await ErrorsAsync(Valid(url: "http://169.254.169.254/"), Lenient)).Keys);
    }

    [Fact]
    public async Task A_placeholder_the_event_lacks_is_named_with_the_event()
    {
        var errors = await ErrorsAsync(Valid(en: "Goal {goalId} for {caseId}"));

        Assert.Contains("goalId", Assert.Single(errors["templates.en"]));
        // Valid for one event of the rule is not enough: every event must carry it.
        Assert.Contains("templates.en", (await ErrorsAsync(Valid(events: ["SlaBreached", "GoalMissed"]))).Keys);
    }

    [Fact]
    public async Task Every_wrong_field_is_reported_at_once()
    {
        var errors = await ErrorsAsync(new CreateRuleRequest("", [], 9, new RuleScopeDto("galaxy", ""), "in_app", "http://x", new RuleTemplatesDto("", null)));

        Assert.Equivalent(new[] { "name", "eventTypes", "minSeverity", "scope.kind", "webhookUrl", "templates.zh", "templates.en" }, errors.Keys.ToArray());
    }
}
