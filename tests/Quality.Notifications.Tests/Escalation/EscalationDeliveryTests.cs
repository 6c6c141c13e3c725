using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Notifications.Tests.Escalation;

/// <summary>Escalation end to end: an event through RabbitMQ, the service's own sweeper on the real clock, the next level mailed over SMTP.</summary>
[Collection(nameof(EscalationTimerTests))]
public sealed class EscalationDeliveryTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unacknowledged_alert_is_mailed_to_the_next_level_and_only_its_recipient_or_an_admin_stops_the_chain()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = $"lead-{scenario.Team}";
        var leadAddress = scenario.Address("escalation");
        var ruleId = await scenario.CreateRuleAsync(new
        {
            name = "breaches escalate",
            eventTypes = new[] { "SlaBreached" },
            scope = new { kind = "team", value = scenario.Team },
            channel = "in_app",
            templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached its SLA" },
            escalation = new object[]
            {
                new { afterSeconds = 1, scope = new { kind = "person", value = lead }, channel = "email", emailTo = new[] { leadAddress } },
                // A week: the chain is stopped long before.
                new { afterSeconds = 604800, scope = new { kind = "role", value = "quality_manager" }, channel = "in_app" },
            },
        });
        var breach = scenario.Breach(priority: 2);

        await scenario.PublishAsync(breach);

        // The level-0 alert, however late this looks: a second later its escalation shares the breach's event id.
        var first = (await Eventually.Async(() => scenario.AlertsForAsync(breach.EventId), a => a.Any(x => x.EscalationLevel == 0)))
            .Single(a => a.EscalationLevel == 0);
        var chain = await Eventually.Async(() => scenario.ChainAsync(first.Id), c => c.Count == 2);
        var escalated = chain[1];
        Assert.Equal((1, first.Id, "email", lead), (escalated.EscalationLevel, escalated.EscalatedFromId, escalated.Channel, escalated.RecipientId));
        Assert.True(escalated.CreatedAt - first.CreatedAt >= TimeSpan.FromSeconds(1), "escalated before the level's delay");
        // Two hops (the sweep, then SMTP), and the email lane is shared with other tests' deliberately failing mail
        // (5 s timeouts, NotificationsHost.EmailMaxConcurrency slots): on a loaded machine this mail may wait its turn.
        var delivery = (await Eventually.Async(
            async () => (await scenario.DeliveriesForRuleAsync(ruleId)).Where(d => d.AlertId == escalated.Id).ToList(),
            d => d is [{ Status: not DeliveryStatuses.Pending }], TimeSpan.FromSeconds(90)))[0];
        Assert.True(delivery.Status == DeliveryStatuses.Delivered, $"escalation email {delivery.Status} after {delivery.Attempts} attempts: {delivery.LastError}");
        var mail = Assert.Single(servers.Smtp.To(leadAddress)).Message;
        Assert.Equal($"[升级 L1] 案件 {breach.CaseId} 已超时", mail.Subject);
        Assert.Contains($"POST /api/alerts/{escalated.Id}/acknowledge", mail.TextBody);

        // The delivery log shows the escalation's email under the chain, with its level.
        var log = await Eventually.Async(
            () => scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?chainId={first.Id}&recipient={leadAddress}", Cancellation),
            l => l.GetArrayLength() == 1);
        var entry = log[0];
        Assert.Equal((1, "email", 250, leadAddress), (entry.GetProperty("escalationLevel").GetInt32(), entry.GetProperty("channel").GetString(),
            entry.GetProperty("statusCode").GetInt32(), entry.GetProperty("recipient").GetString()));

        // Someone else: 403 ProblemDetails over HTTP, PERMISSION_DENIED over gRPC; nothing changes.
        var path = $"/api/alerts/{escalated.Id}/acknowledge";
        var agent = servers.Notifications.ClientFor("agent-x", Roles.Agent, scenario.Team);
        var refused = await agent.PostAsync(path, null, Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("status").GetInt32());
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            servers.Notifications.GrpcClientFor("qm-x", Roles.QualityManager).AcknowledgeAlertAsync(escalated.Id.ToString()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        // Before acknowledgement the escalated alert says when it climbs next (a week after it was raised).
        var pending = await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/alerts/{escalated.Id}", Cancellation);
        Assert.Equal(2, pending.GetProperty("nextEscalationLevel").GetInt32());
        Assert.Equal(escalated.CreatedAt.AddDays(7), pending.GetProperty("nextEscalationAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));

        // Its recipient acknowledges over gRPC: the whole chain is acknowledged and the timer is gone.
        var acknowledged = await servers.Notifications.GrpcClientFor(lead, Roles.Supervisor, scenario.Team).AcknowledgeAlertAsync(escalated.Id.ToString());
        Assert.Equal((lead, 1, 0, first.Id.ToString()), (acknowledged.AcknowledgedBy, acknowledged.EscalationLevel, acknowledged.NextEscalationLevel, acknowledged.ChainId));
        Assert.Null(acknowledged.NextEscalationAt);
        Assert.Null(await scenario.TimerAsync(first.Id));
        Assert.All(await scenario.ChainAsync(first.Id), a => Assert.Equal(lead, a.AcknowledgedBy));

        // Repeating it (here by an admin, who may acknowledge anything) answers the first acknowledgement unchanged.
        var again = await servers.Notifications.ClientFor("admin-1", Roles.Admin).PostAsync($"/api/alerts/{first.Id}/acknowledge", null, Cancellation);
        var json = await again.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((lead, 0, JsonValueKind.Null), (json.GetProperty("acknowledgedBy").GetString(), json.GetProperty("escalationLevel").GetInt32(),
            json.GetProperty("nextEscalationAt").ValueKind));
    }

    [Fact]
    public async Task Bad_escalation_levels_are_named_and_nothing_is_stored()
    {
        var scenario = new Scenario(servers.Notifications);
        var name = $"bad ladder {scenario.Team}";
        var response = await scenario.Manager.PostAsJsonAsync("/api/rules", new
        {
            name,
            eventTypes = new[] { "SlaBreached" },
            scope = new { kind = "team", value = scenario.Team },
            channel = "in_app",
            templates = new { zh = "超时", en = "Breached" },
            escalation = new object[]
            {
                new { afterSeconds = 0, scope = new { kind = "role", value = "boss" }, channel = "in_app" },
                new { afterSeconds = 60, scope = new { kind = "person", value = "p" }, channel = "email", emailTo = new[] { "not-an-address" } },
                new { afterSeconds = 60, scope = new { kind = "person", value = "p" }, channel = "webhook", webhookUrl = "ftp://example.com/x" },
            },
        }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        foreach (var field in new[] { "escalation[0].afterSeconds", "escalation[0].scope.value", "escalation[1].emailTo[0]", "escalation[2].webhookUrl" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not named in {errors}");
        }

        var rules = await scenario.Manager.GetFromJsonAsync<JsonElement>("/api/rules", Cancellation);
        Assert.DoesNotContain(rules.EnumerateArray(), r => r.GetProperty("name").GetString() == name);
    }
}
