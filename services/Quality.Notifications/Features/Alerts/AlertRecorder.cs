using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Webhooks;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Features.Alerts;

/// <summary>Records alerts and queues their webhook deliveries; called inside the consumer's inbox transaction.</summary>
public sealed class AlertRecorder(NotificationsDbContext db, TimeProvider time)
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
    /// One alert per rule that matches <paramref name="evt"/>, and for webhook rules a delivery carrying
    /// the exact body to send. Returns how many deliveries were queued (so the caller can wake the worker).
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

        var data = TemplateRenderer.ToJson(evt);
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var rule in rules)
        {
            // A team rule only hears about its own team; role and person rules hear about every team.
            if (rule.ScopeKind == RuleScopes.Team && rule.ScopeValue != team)
            {
                continue;
            }

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
            };
            db.Alerts.Add(alert);

            if (rule.Channel == RuleChannels.Webhook && rule.WebhookUrl is not null)
            {
                var deliveryId = Guid.CreateVersion7();
                db.Deliveries.Add(new WebhookDelivery
                {
                    Id = deliveryId,
                    AlertId = alert.Id,
                    RuleId = rule.Id,
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
        }

        return queued;
    }

    private static string Truncate(string title) => title.Length <= 300 ? title : title[..300];
}
