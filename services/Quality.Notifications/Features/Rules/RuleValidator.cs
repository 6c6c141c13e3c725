using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Features.Webhooks;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Rules;

/// <summary>
/// Checks a rule request completely before anything is stored, and names every field that is wrong
/// (in the request's own JSON spelling), so a caller fixes them all in one round.
/// </summary>
public sealed class RuleValidator(IOptions<WebhookOptions> options, IOptions<SmtpOptions> smtp)
{
    public const int MaxTemplateLength = 2000;
    public const int MaxBodyLength = 10_000;
    public const int MaxEmailRecipients = 50;
    public const int MaxDedupWindowSeconds = 7 * 24 * 3600;
    public const int MaxEscalationLevels = 5;
    public const int MaxEscalationDelaySeconds = 7 * 24 * 3600;
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The validated rule's canonical parts; throws <see cref="RequestValidationException"/> otherwise.</summary>
    public async Task<ValidatedRule> ValidateAsync(CreateRuleRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            Fail("name", "is required, at most 200 characters");
        }

        var events = new List<EventDescriptor>();
        if (request.EventTypes is not { Count: > 0 })
        {
            Fail("eventTypes", $"must name at least one event: {string.Join(", ", EventCatalog.All.Select(e => e.Name))}");
        }
        else
        {
            for (var i = 0; i < request.EventTypes.Count; i++)
            {
                if (EventCatalog.Find(request.EventTypes[i] ?? "") is { } known)
                {
                    if (!events.Contains(known))
                    {
                        events.Add(known);
                    }
                }
                else
                {
                    Fail($"eventTypes[{i}]", $"unknown event '{request.EventTypes[i]}'; known: {string.Join(", ", EventCatalog.All.Select(e => e.Name))}");
                }
            }
        }

        var minSeverity = request.MinSeverity ?? EventCatalog.MinSeverity;
        if (minSeverity is < EventCatalog.MinSeverity or > EventCatalog.MaxSeverity)
        {
            Fail("minSeverity", $"must be between {EventCatalog.MinSeverity} and {EventCatalog.MaxSeverity}");
        }

        var (scopeKind, scopeValue) = CheckScope(request.Scope, "scope", Fail);

        var channel = request.Channel?.Trim().ToLowerInvariant() ?? "";
        string? webhookUrl = null;
        List<string> emailTo = [];
        string? bodyZh = null, bodyEn = null, language = null;
        if (!RuleChannels.All.Contains(channel))
        {
            Fail("channel", $"unknown channel '{request.Channel}'; known: {string.Join(", ", RuleChannels.All)}");
        }
        else if (channel == RuleChannels.Webhook)
        {
            var problem = await CheckWebhookUrlAsync(request.WebhookUrl, cancellationToken);
            if (problem is null)
            {
                webhookUrl = request.WebhookUrl!.Trim();
            }
            else
            {
                Fail("webhookUrl", problem);
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.WebhookUrl))
        {
            Fail("webhookUrl", "is only for the webhook channel");
        }

        if (channel == RuleChannels.Email)
        {
            if (!smtp.Value.IsConfigured)
            {
                Fail("channel", $"email is not configured on this server ({SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)})");
            }

            emailTo = CheckEmailTo(request.EmailTo, "emailTo", Fail);
            language = request.Language?.Trim().ToLowerInvariant() ?? EmailLanguages.Zh;
            if (!EmailLanguages.All.Contains(language))
            {
                Fail("language", $"must be one of: {string.Join(", ", EmailLanguages.All)}");
            }

            bodyZh = request.BodyTemplates?.Zh ?? "";
            bodyEn = request.BodyTemplates?.En ?? "";
            CheckTemplate("bodyTemplates.zh", bodyZh, events, MaxBodyLength, Fail);
            CheckTemplate("bodyTemplates.en", bodyEn, events, MaxBodyLength, Fail);
        }
        else
        {
            if (request.EmailTo is { Count: > 0 })
            {
                Fail("emailTo", "is only for the email channel");
            }

            if (request.BodyTemplates is not null)
            {
                Fail("bodyTemplates", "is only for the email channel");
            }

            if (request.Language is not null)
            {
                Fail("language", "is only for the email channel");
            }
        }

        if (request.DedupWindowSeconds is < 1 or > MaxDedupWindowSeconds)
        {
            Fail("dedupWindowSeconds", $"must be between 1 and {MaxDedupWindowSeconds} (7 days), or left out for no deduplication");
        }

        var zh = request.Templates?.Zh ?? "";
        var en = request.Templates?.En ?? "";
        CheckTemplate("templates.zh", zh, events, MaxTemplateLength, Fail);
        CheckTemplate("templates.en", en, events, MaxTemplateLength, Fail);

        var escalation = await CheckEscalationAsync(request.Escalation, Fail, cancellationToken);

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new ValidatedRule(name, [.. events.Select(e => e.Name)], minSeverity, scopeKind, scopeValue, channel, webhookUrl, zh, en, emailTo, bodyZh, bodyEn, language, request.DedupWindowSeconds, escalation);
    }

    /// <summary>Plain addresses, lower-cased and without duplicates; a display name is dropped (the rule is for routing, not for greeting).</summary>
    private static List<string> CheckEmailTo(List<string>? addresses, string field, Action<string, string> fail)
    {
        if (addresses is not { Count: > 0 } || addresses.Count > MaxEmailRecipients)
        {
            fail(field, $"must list 1 to {MaxEmailRecipients} addresses");
            return [];
        }

        var valid = new List<string>();
        for (var i = 0; i < addresses.Count; i++)
        {
            if (EmailAddresses.Canonical(addresses[i]) is { } address)
            {
                if (!valid.Contains(address))
                {
                    valid.Add(address);
                }
            }
            else
            {
                fail($"{field}[{i}]", $"'{addresses[i]}' is not an email address");
            }
        }

        return valid;
    }

    private static (string Kind, string Value) CheckScope(RuleScopeDto? scope, string field, Action<string, string> fail)
    {
        var kind = scope?.Kind?.Trim().ToLowerInvariant() ?? "";
        var value = scope?.Value?.Trim() ?? "";
        if (!RuleScopes.All.Contains(kind))
        {
            fail($"{field}.kind", $"must be one of: {string.Join(", ", RuleScopes.All)}");
        }
        else if (value.Length is 0 or > 100)
        {
            fail($"{field}.value", "is required, at most 100 characters");
        }
        else if (kind == RuleScopes.Role && !Roles.All.Contains(value))
        {
            fail($"{field}.value", $"unknown role '{value}'; known: {string.Join(", ", Roles.All)}");
        }

        return (kind, value);
    }

    /// <summary>Each level: a delay, whom (a scope, like the rule's) and how (a channel with its addresses or URL).</summary>
    private async Task<List<EscalationLevel>> CheckEscalationAsync(List<EscalationLevelDto>? levels, Action<string, string> fail, CancellationToken cancellationToken)
    {
        if (levels is not { Count: > 0 })
        {
            return [];
        }

        if (levels.Count > MaxEscalationLevels)
        {
            fail("escalation", $"must have at most {MaxEscalationLevels} levels");
            return [];
        }

        var valid = new List<EscalationLevel>();
        for (var i = 0; i < levels.Count; i++)
        {
            var at = $"escalation[{i}]";
            if (levels[i] is not { } level)
            {
                fail(at, "is required");
                continue;
            }

            if (level.AfterSeconds is not (>= 1 and <= MaxEscalationDelaySeconds))
            {
                fail($"{at}.afterSeconds", $"must be between 1 and {MaxEscalationDelaySeconds} (7 days)");
            }

            var (kind, value) = CheckScope(level.Scope, $"{at}.scope", fail);
            var channel = level.Channel?.Trim().ToLowerInvariant() ?? "";
            List<string> emailTo = [];
            string? webhookUrl = null;
            if (!RuleChannels.All.Contains(channel))
            {
                fail($"{at}.channel", $"unknown channel '{level.Channel}'; known: {string.Join(", ", RuleChannels.All)}");
            }
            else if (channel == RuleChannels.Email)
            {
                if (!smtp.Value.IsConfigured)
                {
                    fail($"{at}.channel", $"email is not configured on this server ({SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)})");
                }

                emailTo = CheckEmailTo(level.EmailTo, $"{at}.emailTo", fail);
            }
            else if (channel == RuleChannels.Webhook)
            {
                if (await CheckWebhookUrlAsync(level.WebhookUrl, cancellationToken) is { } problem)
                {
                    fail($"{at}.webhookUrl", problem);
                }
                else
                {
                    webhookUrl = level.WebhookUrl!.Trim();
                }
            }

            if (channel != RuleChannels.Email && level.EmailTo is { Count: > 0 })
            {
                fail($"{at}.emailTo", "is only for the email channel");
            }

            if (channel != RuleChannels.Webhook && !string.IsNullOrWhiteSpace(level.WebhookUrl))
            {
                fail($"{at}.webhookUrl", "is only for the webhook channel");
            }

            valid.Add(new EscalationLevel
            {
                AfterSeconds = level.AfterSeconds ?? 0,
                ScopeKind = kind,
                ScopeValue = value,
                Channel = channel,
                EmailTo = emailTo,
                WebhookUrl = webhookUrl,
            });
        }

        return valid;
    }

    private static void CheckTemplate(string field, string template, List<EventDescriptor> events, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(template) || template.Length > maxLength)
        {
            fail(field, $"is required, at most {maxLength} characters");
            return;
        }

        // A rule for several events may only use placeholders every one of them has.
        foreach (var placeholder in TemplateRenderer.PlaceholdersIn(template).Distinct())
        {
            var lacking = events.Where(e => !e.Placeholders.Contains(placeholder)).Select(e => e.Name).ToList();
            if (lacking.Count > 0)
            {
                fail(field, $"unknown placeholder {{{placeholder}}} for {string.Join(", ", lacking)}");
            }
        }
    }

    private async Task<string?> CheckWebhookUrlAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry credentials";
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"host '{uri.Host}' does not resolve";
            }
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressPolicy.Forbids(address, options.Value.AllowPrivateNetworks) is { } reason)
            {
                return $"points at {address}, which {reason}";
            }
        }

        return addresses.Length == 0 ? $"host '{uri.Host}' does not resolve" : null;
    }
}
