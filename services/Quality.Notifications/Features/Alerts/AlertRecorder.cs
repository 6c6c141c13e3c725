using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Webhooks;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Features.Alerts;

/// <summary>Records alerts and queues their webhook and email deliveries; called inside the consumer's inbox transaction.</summary>
public sealed class AlertRecorder(NotificationsDbContext db, NoiseControl noise, TimeProvider time)
{
    /// <summary>A new case tells the team's supervisors; its priority sets the alert's severity.</summary>
    public void CaseOpened(CaseOpened opened) => db.Alerts.Add(new Alert
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
        CreatedAt = time.GetUtcNow(),
    });

    /// <summary>
    /// One alert per rule that matches <paramref name="evt"/>; for webhook rules a delivery carrying the exact
    /// body to send, for email rules one delivery per address carrying the rendered subject and body, held or
    /// deferred as the address's throttle and quiet hours say. An alert that repeats one of its rule's inside
    /// the rule's dedup window is recorded as a duplicate and sends nothing.
    /// Returns how many deliveries were queued (so the caller can wake the worker).
    /// </summary>
    public async Task<int> FanOutAsync(IntegrationEvent evt, CancellationToken cancellationToken)
    {
        var descriptor = EventCatalog.For(evt.GetType());
        var severity = descriptor.Severity(evt);
        var team = descriptor.Team(evt);
        var rules = await db.Rules.AsNoTracking()
            .Where(r => r.DeletedAt == null && r.EventTypes.Contains(descriptor.Name) && r.MinSeverity <= severity)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        // A team rule only hears about its own team; role and person rules hear about every team.
        rules.RemoveAll(r => r.ScopeKind == RuleScopes.Team && r.ScopeValue != team);

        var dedupKey = descriptor.DedupKey(evt);
        await noise.LockAsync(rules, dedupKey, cancellationToken);
        var data = TemplateRenderer.ToJson(evt);
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var rule in rules)
        {
            var duplicateOf = await noise.DuplicateOfAsync(rule, dedupKey, now, cancellationToken);
            var alert = new Alert
            {
                Id = Guid.CreateVersion7(),
                Kind = descriptor.Kind,
                CaseId = descriptor.CaseId(evt),
                RecipientRole = rule.ScopeKind switch
                {
                    RuleScopes.Role => rule.ScopeValue,
                    RuleScopes.Team => Roles.Supervisor,
                    _ => "",
                },
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
            };
            db.Alerts.Add(alert);
            if (duplicateOf is not null)
            {
                continue;
            }

            if (rule.Channel == RuleChannels.Webhook && rule.WebhookUrl is not null)
            {
                var deliveryId = Guid.CreateVersion7();
                db.Deliveries.Add(new Delivery
                {
                    Id = deliveryId,
                    AlertId = alert.Id,
                    RuleId = rule.Id,
                    Channel = RuleChannels.Webhook,
                    Url = rule.WebhookUrl,
                    Payload = JsonSerializer.Serialize(new WebhookPayload(
                        deliveryId, alert.Id, rule.Id, descriptor.Name, severity,
                        new RuleTemplatesDto(alert.TitleZh, alert.Title), evt.EventId, evt.CorrelationId, evt.OccurredAt, data), TemplateRenderer.EventJson),
                    Status = DeliveryStatuses.Pending,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
                queued++;
            }
            else if (rule.Channel == RuleChannels.Email)
            {
                var zh = rule.Language == EmailLanguages.Zh;
                var subject = OneLine(zh ? alert.TitleZh ?? alert.Title : alert.Title);
                var body = TemplateRenderer.Render((zh ? rule.BodyZh : rule.BodyEn) ?? "", descriptor.Name, data);
                foreach (var address in rule.EmailTo)
                {
                    var decision = await noise.ScheduleEmailAsync(address, severity, now, cancellationToken);
                    db.Deliveries.Add(new Delivery
                    {
                        Id = Guid.CreateVersion7(),
                        AlertId = alert.Id,
                        RuleId = rule.Id,
                        Channel = RuleChannels.Email,
                        Recipient = address,
                        Subject = subject,
                        Payload = body,
                        Status = decision.Status,
                        NextAttemptAt = decision.NextAttemptAt,
                        HoldUntil = decision.HoldUntil,
                        Reason = decision.Reason,
                        CreatedAt = now,
                    });
                    queued++;
                }
            }
        }

        return queued;
    }

    /// <summary>A subject is one header line: values carried into it from an event cannot add lines.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string title) => title.Length <= 300 ? title : title[..300];
}
