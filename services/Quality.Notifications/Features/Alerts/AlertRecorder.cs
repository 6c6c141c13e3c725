using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Webhooks;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Features.Alerts;

/// <summary>
/// Records alerts, queues their webhook and email deliveries and starts their escalation timers; called inside
/// the consumer's inbox transaction (and by the escalation sweeper for escalated alerts).
/// </summary>
public sealed class AlertRecorder(NotificationsDbContext db, NoiseControl noise, TimeProvider time)
{
    /// <summary>
    /// Every alert <paramref name="events"/> raise, in one go: the built-in new-case alerts of the
    /// <see cref="CaseOpened"/> among them, then each rule's (<see cref="FanOutAsync(IReadOnlyList{IntegrationEvent}, CancellationToken)"/>).
    /// Returns how many deliveries were queued.
    /// </summary>
    public async Task<int> RaiseAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var opened = events.OfType<CaseOpened>().ToList();
        if (opened.Count > 0)
        {
            await CaseOpenedAsync(opened, cancellationToken);
        }

        return await FanOutAsync(events, cancellationToken);
    }

    /// <summary>A new case tells the team's supervisors (in their feed); its priority sets the alert's severity.</summary>
    private async Task CaseOpenedAsync(IReadOnlyList<CaseOpened> cases, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var alerts = cases.Select(opened => new Alert
        {
            Id = Guid.CreateVersion7(),
            Kind = "case_opened",
            CaseId = opened.CaseId,
            RecipientRole = Roles.Supervisor,
            TeamId = opened.TeamId,
            Severity = 5 - opened.Priority,
            Title = $"New {opened.Category} case, priority {opened.Priority}",
            SourceEventId = opened.EventId,
            CorrelationId = opened.CorrelationId,
            CreatedAt = now,
        }).ToList();
        db.Alerts.AddRange(alerts);
        await FeedNotifier.NotifyAsync(db, alerts, cancellationToken);
    }

    /// <summary>
    /// One alert per rule that matches <paramref name="evt"/>; for webhook rules a delivery carrying the exact
    /// body to send, for email rules one delivery per address carrying the rendered subject and body, held or
    /// deferred as the address's throttle and quiet hours say. An alert that repeats one of its rule's inside
    /// the rule's dedup window is recorded as a duplicate and sends nothing. New in-app alerts are announced to
    /// every replica's feed when the transaction commits. A rule with escalation levels
    /// starts the alert's escalation timer in the same transaction.
    /// Returns how many deliveries were queued (so the caller can wake the worker).
    /// </summary>
    public Task<int> FanOutAsync(IntegrationEvent evt, CancellationToken cancellationToken) => FanOutAsync([evt], cancellationToken);

    /// <summary>
    /// <see cref="FanOutAsync(IntegrationEvent, CancellationToken)"/> for a batch of events, in their order: the rules
    /// are read once per event type, every lock the batch needs is taken in the one global order, and earlier alerts
    /// are looked up in one query, so an event repeating an earlier one of the same batch is its duplicate too.
    /// </summary>
    public async Task<int> FanOutAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
    {
        var matches = new List<(IntegrationEvent Event, EventDescriptor Descriptor, int Severity, string? Team, string DedupKey, List<SubscriptionRule> Rules)>(events.Count);
        var rulesByType = new Dictionary<string, List<SubscriptionRule>>();
        foreach (var evt in events)
        {
            var descriptor = EventCatalog.For(evt.GetType());
            if (!rulesByType.TryGetValue(descriptor.Name, out var candidates))
            {
                candidates = await db.Rules.AsNoTracking()
                    .Where(r => r.DeletedAt == null && r.EventTypes.Contains(descriptor.Name))
                    .OrderBy(r => r.Id)
                    .ToListAsync(cancellationToken);
                rulesByType[descriptor.Name] = candidates;
            }

            var severity = descriptor.Severity(evt);
            var team = descriptor.Team(evt);
            // A team rule only hears about its own team; role and person rules hear about every team.
            var rules = candidates.Where(r => r.MinSeverity <= severity && (r.ScopeKind != RuleScopes.Team || r.ScopeValue == team)).ToList();
            matches.Add((evt, descriptor, severity, team, descriptor.DedupKey(evt), rules));
        }

        var keyed = matches.SelectMany(m => m.Rules.Select(r => (Rule: r, m.DedupKey))).ToList();
        await noise.LockAsync(keyed, cancellationToken);
        var now = time.GetUtcNow();
        var duplicates = await noise.DuplicatesOfAsync(keyed, now, cancellationToken);
        var queued = 0;
        var raised = new List<Alert>();
        foreach (var (evt, descriptor, severity, team, dedupKey, rules) in matches)
        {
            var data = TemplateRenderer.ToJson(evt);
            foreach (var rule in rules)
            {
                Guid? duplicateOf = duplicates.TryGetValue((rule.Id, dedupKey), out var original) ? original : null;
                var id = Guid.CreateVersion7();
                var escalates = rule.Escalation.Count > 0 && duplicateOf is null;
                var alert = new Alert
                {
                    Id = id,
                    Kind = descriptor.Kind,
                    CaseId = descriptor.CaseId(evt),
                    RecipientRole = RecipientRole(rule.ScopeKind, rule.ScopeValue),
                    RecipientId = rule.ScopeKind == RuleScopes.Person ? rule.ScopeValue : null,
                    TeamId = rule.ScopeKind == RuleScopes.Team ? rule.ScopeValue : team,
                    Severity = severity,
                    Title = Truncate(TemplateRenderer.Render(rule.TemplateEn, descriptor.Name, data)),
                    TitleZh = Truncate(TemplateRenderer.Render(rule.TemplateZh, descriptor.Name, data)),
                    Channel = rule.Channel,
                    RuleId = rule.Id,
                    SourceEventId = evt.EventId,
                    CorrelationId = evt.CorrelationId,
                    CreatedAt = now,
                    DedupKey = rule.DedupWindowSeconds is null ? null : dedupKey,
                    DuplicateOf = duplicateOf,
                    ChainId = escalates ? id : null,
                };
                db.Alerts.Add(alert);
                raised.Add(alert);
                if (duplicateOf is not null)
                {
                    continue;
                }

                if (rule.DedupWindowSeconds is not null)
                {
                    // A later event of this batch with the same key repeats this alert.
                    duplicates[(rule.Id, dedupKey)] = alert.Id;
                }

                if (escalates)
                {
                    db.EscalationTimers.Add(new EscalationTimer
                    {
                        ChainId = alert.Id,
                        RuleId = rule.Id,
                        CurrentAlertId = alert.Id,
                        NextLevel = 1,
                        DueAt = now + TimeSpan.FromSeconds(rule.Escalation[0].AfterSeconds),
                        EventType = descriptor.Name,
                        EventData = JsonSerializer.SerializeToDocument(data),
                        EventId = evt.EventId,
                        OccurredAt = evt.OccurredAt,
                    });
                }

                var content = new AlertContent(
                    descriptor.Name, data, evt.EventId, evt.CorrelationId, evt.OccurredAt, rule.EmailLanguage, rule.RenderEmailBody(descriptor.Name, data));
                queued += await QueueAsync(alert, rule, rule.Channel, rule.EmailTo, rule.WebhookUrl, content, now, cancellationToken);
            }
        }

        await FeedNotifier.NotifyAsync(db, raised, cancellationToken);
        return queued;
    }

    /// <summary>
    /// Queues <paramref name="alert"/>'s deliveries on <paramref name="channel"/>: for a webhook one delivery
    /// carrying the exact body to send, for email one per address carrying the subject and body, held or
    /// deferred as the address's throttle and quiet hours say (the caller holds the addresses' locks). In-app
    /// alerts need no delivery: the row is the feed. Returns how many were queued.
    /// </summary>
    public async Task<int> QueueAsync(
        Alert alert, SubscriptionRule rule, string channel, IReadOnlyList<string> emailTo, string? webhookUrl, AlertContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (channel == RuleChannels.Webhook && webhookUrl is not null)
        {
            var deliveryId = Guid.CreateVersion7();
            db.Deliveries.Add(new Delivery
            {
                Id = deliveryId,
                AlertId = alert.Id,
                RuleId = rule.Id,
                Channel = RuleChannels.Webhook,
                Url = webhookUrl,
                Payload = JsonSerializer.Serialize(new WebhookPayload(
                    deliveryId, alert.Id, rule.Id, content.EventType, alert.Severity,
                    new RuleTemplatesDto(alert.TitleZh, alert.Title), content.EventId, content.CorrelationId, content.OccurredAt, content.Data,
                    alert.EscalationLevel), TemplateRenderer.EventJson),
                Status = DeliveryStatuses.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
            return 1;
        }

        if (channel != RuleChannels.Email)
        {
            return 0;
        }

        var subject = OneLine(content.EmailLanguage == EmailLanguages.Zh ? alert.TitleZh ?? alert.Title : alert.Title);
        foreach (var address in emailTo)
        {
            var decision = await noise.ScheduleEmailAsync(address, alert.Severity, now, cancellationToken);
            db.Deliveries.Add(new Delivery
            {
                Id = Guid.CreateVersion7(),
                AlertId = alert.Id,
                RuleId = rule.Id,
                Channel = RuleChannels.Email,
                Recipient = address,
                Subject = subject,
                Payload = content.EmailBody ?? "",
                Status = decision.Status,
                NextAttemptAt = decision.NextAttemptAt,
                HoldUntil = decision.HoldUntil,
                Reason = decision.Reason,
                CreatedAt = now,
            });
        }

        return emailTo.Count;
    }

    /// <summary>Team rules address the team's supervisors; role rules the role; person rules nobody by role.</summary>
    public static string RecipientRole(string scopeKind, string scopeValue) => scopeKind switch
    {
        RuleScopes.Role => scopeValue,
        RuleScopes.Team => Roles.Supervisor,
        _ => "",
    };

    /// <summary>A subject is one header line: values carried into it from an event cannot add lines.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public static string Truncate(string title) => title.Length <= 300 ? title : title[..300];
}
