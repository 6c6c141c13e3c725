using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Infrastructure;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>A test's own team, so its rules only hear its own events while other tests run alongside.</summary>
public sealed class Scenario(NotificationsHost host)
{
    public string Team { get; } = $"team-{Guid.NewGuid():N}"[..16];
    public HttpClient Manager { get; } = host.QualityManager();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Creates a webhook rule for this team's SLA breaches and gives the receiver its secret.</summary>
    public async Task<Guid> CreateWebhookRuleAsync(WebhookReceiver receiver)
    {
        (var id, receiver.Secret) = await CreateWebhookRuleAsync(receiver.Url);
        return id;
    }

    public async Task<(Guid Id, string Secret)> CreateWebhookRuleAsync(string url, string eventType = "SlaBreached")
    {
        var response = await Manager.PostAsJsonAsync("/api/rules", new
        {
            name = "breaches to " + Team,
            eventTypes = new[] { eventType },
            minSeverity = 1,
            scope = new { kind = "team", value = Team },
            channel = "webhook",
            webhookUrl = url,
            templates = new { zh = "案件 {caseId} 已超时（优先级 {priority}）", en = "Case {caseId} breached its SLA (priority {priority})" },
        }, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/rules answered {(int)response.StatusCode}: {json}");
        return (json.GetProperty("id").GetGuid(), json.GetProperty("webhookSecret").GetString()!);
    }

    /// <summary>Creates any rule (an anonymous object in the API's JSON shape) and returns its id.</summary>
    public async Task<Guid> CreateRuleAsync(object rule)
    {
        var response = await Manager.PostAsJsonAsync("/api/rules", rule, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/rules answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("id").GetGuid();
    }

    /// <summary>An alert and its escalations, first level first.</summary>
    public async Task<List<Alert>> ChainAsync(Guid chainId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Alerts.AsNoTracking()
            .Where(a => a.ChainId == chainId).OrderBy(a => a.EscalationLevel).ToListAsync(Cancellation);
    }

    public async Task<EscalationTimer?> TimerAsync(Guid chainId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().EscalationTimers.AsNoTracking()
            .SingleOrDefaultAsync(t => t.ChainId == chainId, Cancellation);
    }

    /// <summary>A fresh address for this test, so the shared SMTP listener's behaviour and mailbox for it are the test's own.</summary>
    public string Address(string who = "lead") => $"{who}.{Team}@example.com";

    /// <summary>Creates an email rule for this team's SLA breaches, written in <paramref name="language"/>.</summary>
    public async Task<Guid> CreateEmailRuleAsync(string[] emailTo, string language = "zh", int? dedupWindowSeconds = null)
    {
        var response = await Manager.PostAsJsonAsync("/api/rules", new
        {
            name = "breach mail to " + Team,
            eventTypes = new[] { "SlaBreached" },
            scope = new { kind = "team", value = Team },
            channel = "email",
            emailTo,
            language,
            dedupWindowSeconds,
            templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached its SLA" },
            bodyTemplates = new
            {
                zh = "团队 {teamId} 的案件 {caseId}（优先级 {priority}）已于 {breachedAt} 超过 {target} 时限。",
                en = "Case {caseId} of team {teamId} (priority {priority}) breached its {target} target at {breachedAt}.",
            },
        }, Cancellation);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/rules answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("id").GetGuid();
    }

    /// <summary>A new delivery case of this team, as Routing announces it.</summary>
    public CaseOpened CaseOpened(int priority = 2) => new()
    {
        CorrelationId = Guid.CreateVersion7(),
        CaseId = Guid.CreateVersion7(),
        FeedbackId = Guid.CreateVersion7(),
        Category = "delivery",
        Priority = priority,
        Severity = 3,
        Channel = "api",
        Language = "zh",
        TeamId = Team,
        OpenedAt = DateTimeOffset.UtcNow,
    };

    public SlaBreached Breach(int priority = 1) => new()
    {
        CorrelationId = Guid.CreateVersion7(),
        CaseId = Guid.CreateVersion7(),
        Target = SlaTarget.FirstResponse,
        Priority = priority,
        TeamId = Team,
        DueAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        BreachedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Publishes through RabbitMQ with a fixed message id, as the outbox relay does (and would again on a redelivery).</summary>
    public async Task PublishAsync<T>(T evt, Guid? messageId = null) where T : IntegrationEvent
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var id = messageId ?? Guid.CreateVersion7();
        await bus.Publish(evt, context => context.MessageId = id, Cancellation);
    }

    public async Task<List<Alert>> AlertsForAsync(Guid eventId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Alerts.AsNoTracking()
            .Where(a => a.SourceEventId == eventId).ToListAsync(Cancellation);
    }

    public async Task<List<Delivery>> DeliveriesForRuleAsync(Guid ruleId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.RuleId == ruleId).ToListAsync(Cancellation);
    }

    public async Task<List<DeliveryAttempt>> AttemptsForRuleAsync(Guid ruleId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().DeliveryAttempts.AsNoTracking()
            .Where(d => d.RuleId == ruleId).OrderBy(a => a.Attempt).ToListAsync(Cancellation);
    }
}
