using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Webhooks;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Tests.Rules;

public sealed class RuleValidatorTests
{
    private static readonly IOptions<SmtpOptions> NoSmtp = Options.Create(new SmtpOptions());
    private static readonly IOptions<SmtpOptions> Smtp = Options.Create(new SmtpOptions { Host = "smtp.example.com", FromAddress = "q@example.com" });
    private static readonly RuleValidator Strict = new(Options.Create(new WebhookOptions { AllowPrivateNetworks = false }), NoSmtp);
    private static readonly RuleValidator Lenient = new(Options.Create(new WebhookOptions { AllowPrivateNetworks = true }), NoSmtp);
    private static readonly RuleValidator WithEmail = new(Options.Create(new WebhookOptions()), Smtp);

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
    }

    private static CreateRuleRequest Email(List<string>? to = null, string bodyEn = "Case {caseId} of {teamId}", string? language = null) =>
        Valid(channel: "email", url: null) with
        {
            EmailTo = to ?? ["Lead@Example.com", "Duty Desk <desk@example.com>", "lead@example.com"],
            BodyTemplates = new RuleTemplatesDto("案件 {caseId}", bodyEn),
            Language = language,
        };

    [Fact]
    public async Task An_email_rule_comes_back_with_plain_lower_case_addresses_once_each_in_chinese_by_default()
    {
        var rule = await WithEmail.ValidateAsync(Email(), CancellationToken.None);

        Assert.Equal(["lead@example.com", "desk@example.com"], rule.EmailTo);
        Assert.Equal(("zh", "案件 {caseId}", "Case {caseId} of {teamId}"), (rule.Language, rule.BodyZh, rule.BodyEn));
    }

    [Fact]
    public async Task An_email_rule_names_each_bad_address_bad_body_placeholder_and_language()
    {
        var errors = await ErrorsAsync(Email(to: ["ok@example.com", "nobody", "@example.com"], bodyEn: "Case {caseNumber}", language: "fr"), WithEmail);

        Assert.Equivalent(new[] { "emailTo[1]", "emailTo[2]", "bodyTemplates.en", "language" }, errors.Keys.ToArray());
        Assert.Contains("{caseNumber}", Assert.Single(errors["bodyTemplates.en"]));
    }

    [Fact]
    public async Task Email_needs_an_smtp_server_and_its_fields_belong_to_email_only()
    {
        Assert.Contains("not configured", Assert.Single((await ErrorsAsync(Email()))["channel"]));
        Assert.Contains("emailTo", (await ErrorsAsync(Email(to: []), WithEmail)).Keys);
        var misplaced = await ErrorsAsync(Valid() with { EmailTo = ["a@example.com"], BodyTemplates = new RuleTemplatesDto("x", "y"), Language = "en" });
        Assert.Equivalent(new[] { "emailTo", "bodyTemplates", "language" }, misplaced.Keys.ToArray());
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

    [Fact]
    public async Task Escalation_levels_come_back_canonical_and_a_ladder_too_long_or_mailing_without_smtp_is_refused()
    {
        var request = Valid() with
        {
            Escalation =
            [
                new(600, new RuleScopeDto("Person", " lead-1 "), "EMAIL", ["Lead@Example.com"]),
                new(1800, new RuleScopeDto("role", "quality_manager"), "in_app"),
            ],
        };

        var rule = await WithEmail.ValidateAsync(request, CancellationToken.None);
        Assert.Equal(2, rule.Escalation.Count);
        Assert.Equal((600, "person", "lead-1", "email", "lead@example.com"),
            (rule.Escalation[0].AfterSeconds, rule.Escalation[0].ScopeKind, rule.Escalation[0].ScopeValue, rule.Escalation[0].Channel, Assert.Single(rule.Escalation[0].EmailTo)));

        Assert.Contains("escalation[0].channel", (await ErrorsAsync(request, Strict)).Keys);
        var tooLong = request with { Escalation = [.. Enumerable.Repeat(new EscalationLevelDto(60, new RuleScopeDto("role", "admin"), "in_app"), 6)] };
        Assert.Contains("escalation", (await ErrorsAsync(tooLong, WithEmail)).Keys);
    }
}
