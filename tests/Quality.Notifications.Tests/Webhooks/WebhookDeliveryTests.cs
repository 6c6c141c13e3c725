using Quality.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Webhooks;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Webhooks;

/// <summary>Events through RabbitMQ into the service, out as signed POSTs to real receivers on 127.0.0.1.</summary>
public sealed class WebhookDeliveryTests(NotificationsServers servers)
{
    [Fact]
    public async Task An_sla_breach_reaches_the_receiver_signed_with_the_rules_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var breach = scenario.Breach(priority: 2);

        await scenario.PublishAsync(breach);

        var received = await Eventually.Async(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 1);
        Assert.True(received[0].SignatureValid);
        var body = JsonDocument.Parse(received[0].Body).RootElement;
        Assert.Equal(received[0].Id, body.GetProperty("id").GetString());
        Assert.Equal("SlaBreached", body.GetProperty("eventType").GetString());
        Assert.Equal(breach.CaseId, body.GetProperty("data").GetProperty("caseId").GetGuid());
        Assert.Equal($"Case {breach.CaseId} breached its SLA (priority 2)", body.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal($"案件 {breach.CaseId} 已超时（优先级 2）", body.GetProperty("title").GetProperty("zh").GetString());

        var delivery = await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered }]);
        Assert.Equal(1, delivery[0].Attempts);
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_gets_the_delivery_on_the_third_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (call, http) =>
        {
            http.Response.StatusCode = call <= 2 ? 500 : 200;
            return Task.CompletedTask;
        };
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);

        await scenario.PublishAsync(scenario.Breach());

        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered }]);
        var attempts = await scenario.AttemptsForRuleAsync(ruleId);
        Assert.Equal([500, 500, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(["retry", "retry", "delivered"], attempts.Select(a => a.Outcome));
        // The same delivery id each time (receivers deduplicate by it), each correctly signed.
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
        // Backoff: the retries were spaced, not immediate.
        Assert.True(attempts[1].AttemptedAt - attempts[0].AttemptedAt >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_dead_receiver_is_dead_lettered_while_a_hanging_and_a_healthy_one_do_not_hold_anything_up()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Answer = async (_, http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
            http.Response.StatusCode = 200;
        };
        var dead = new Scenario(servers.Notifications);
        var slow = new Scenario(servers.Notifications);
        var fine = new Scenario(servers.Notifications);
        var (deadRule, _) = await dead.CreateWebhookRuleAsync(ClosedPortUrl());
        var slowRule = await slow.CreateWebhookRuleAsync(hanging);
        await fine.CreateWebhookRuleAsync(healthy);

        for (var i = 0; i < 3; i++)
        {
            await dead.PublishAsync(dead.Breach());
            await slow.PublishAsync(slow.Breach());
        }

        // All three POSTs to the hanging receiver are in its hands (and will be until the timeout) before the healthy
        // events are even published: the healthy deliveries must get through while those hang.
        await Eventually.Async(() => Task.FromResult(hanging.Received.Count), n => n == 3);
        for (var i = 0; i < 5; i++)
        {
            await fine.PublishAsync(fine.Breach());
        }

        await Eventually.Async(() => Task.FromResult(healthy.Received.Count), n => n == 5);
        Assert.Empty(await slow.AttemptsForRuleAsync(slowRule));
        Assert.All(healthy.Received, r => Assert.True(r.SignatureValid));

        var deadLettered = await Eventually.Async(
            () => dead.DeliveriesForRuleAsync(deadRule), d => d.Count == 3 && d.All(x => x.Status == DeliveryStatuses.Dead));
        Assert.All(deadLettered, d => Assert.Equal(NotificationsHost.MaxAttempts, d.Attempts));
        Assert.Equal(3 * NotificationsHost.MaxAttempts, (await dead.AttemptsForRuleAsync(deadRule)).Count);

        // The hanging receiver's attempts time out (NotificationsHost.WebhookTimeout) and are logged as such.
        var timedOut = await Eventually.Async(() => slow.AttemptsForRuleAsync(slowRule), a => a.Count > 0);
        Assert.Contains("timed out", timedOut[0].Error);
    }

    [Fact]
    public async Task A_duplicated_event_makes_one_alert_and_one_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var breach = scenario.Breach();
        var messageId = Guid.CreateVersion7();

        await scenario.PublishAsync(breach, messageId);
        await scenario.PublishAsync(breach, messageId);
        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered }]);
        // Give the second copy time to arrive and be recognised.
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.Single(await scenario.AlertsForAsync(breach.EventId));
        Assert.Single(await scenario.DeliveriesForRuleAsync(ruleId));
        Assert.Single(receiver.Received);
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens: the port was free a moment ago and is closed again.</summary>
    private static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }
}
