using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Messaging.Inbox;
using Quality.Notifications.Consumers;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Notifications.Tests.Alerts;

/// <summary>Rule events taken a batch at a time: once each, deduplicated within the batch, every attempt logged.</summary>
public sealed class RuleAlertBatchTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redelivered_batch_raises_no_second_alert_while_its_new_events_are_raised()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var first = Enumerable.Range(0, 5).Select(_ => (MessageId: Guid.CreateVersion7(), Event: scenario.Breach())).ToList();
        var later = Enumerable.Range(0, 3).Select(_ => (MessageId: Guid.CreateVersion7(), Event: scenario.Breach())).ToList();

        var applied = await RaiseBatchAsync(first);
        // The same messages again (a redelivery after a lost acknowledgement), mixed with new ones.
        var reapplied = await RaiseBatchAsync([.. first, .. later]);
        var again = await RaiseBatchAsync(first);

        Assert.Equal(first.Select(m => m.MessageId), applied.Select(m => m.MessageId));
        Assert.Equal(later.Select(m => m.MessageId), reapplied.Select(m => m.MessageId));
        Assert.Empty(again);
        foreach (var (_, breach) in first.Concat(later))
        {
            Assert.Single(await scenario.AlertsForAsync(breach.EventId));
        }

        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 8 && d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.Equal(8, receiver.Received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Events_redelivered_through_the_broker_in_a_burst_raise_one_alert_each()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var messages = Enumerable.Range(0, 40).Select(_ => (MessageId: Guid.CreateVersion7(), Event: scenario.Breach())).ToList();

        // Published twice back to back, so copies meet in one batch and in batches running side by side.
        await Task.WhenAll(messages.Concat(messages).Select(m => scenario.PublishAsync(m.Event, m.MessageId)));

        // A last event published after every copy was confirmed: once it is delivered, the copies ahead of it in the
        // queue have been taken too.
        var marker = scenario.Breach();
        await scenario.PublishAsync(marker);
        var deliveries = await Eventually.Async(
            () => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count >= 41 && d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.Equal(41, deliveries.Count);
        foreach (var (_, breach) in messages)
        {
            Assert.Single(await scenario.AlertsForAsync(breach.EventId));
            // A copy that got past the inbox would have failed on the alert's unique key, and said so.
            Assert.DoesNotContain(servers.Notifications.Logs.Entries, e => e.Message.Contains(breach.EventId.ToString(), StringComparison.Ordinal));
        }

        // One attempt logged per delivery, each a 200 from the receiver, and no lease left behind.
        var attempts = await scenario.AttemptsForRuleAsync(ruleId);
        Assert.Equal(deliveries.Select(d => d.Id).Order(), attempts.Select(a => a.DeliveryId).Order());
        Assert.All(attempts, a => Assert.Equal((200, "delivered"), (a.StatusCode, a.Outcome)));
        Assert.All(await scenario.DeliveriesForRuleAsync(ruleId), d => Assert.Null(d.LeasedUntil));
    }

    [Fact]
    public async Task An_event_repeating_an_earlier_one_of_the_same_batch_is_its_duplicate()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateRuleAsync(new
        {
            name = "deduplicated breaches to " + scenario.Team,
            eventTypes = new[] { "SlaBreached" },
            scope = new { kind = "team", value = scenario.Team },
            channel = "webhook",
            webhookUrl = receiver.Url,
            dedupWindowSeconds = 600,
            templates = new { zh = "案件 {caseId} 已超时", en = "Case {caseId} breached its SLA" },
        });
        var breach = scenario.Breach();
        var repeat = breach with { EventId = Guid.CreateVersion7(), BreachedAt = breach.BreachedAt.AddSeconds(5) };
        var other = scenario.Breach();

        await RaiseBatchAsync([(Guid.CreateVersion7(), breach), (Guid.CreateVersion7(), repeat), (Guid.CreateVersion7(), other)]);

        var original = Assert.Single(await scenario.AlertsForAsync(breach.EventId));
        var duplicate = Assert.Single(await scenario.AlertsForAsync(repeat.EventId));
        Assert.Null(original.DuplicateOf);
        Assert.Equal(original.Id, duplicate.DuplicateOf);
        Assert.Null(Assert.Single(await scenario.AlertsForAsync(other.EventId)).DuplicateOf);
        var deliveries = await Eventually.Async(
            () => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 2 && d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.DoesNotContain(deliveries, d => d.AlertId == duplicate.Id);
    }

    /// <summary>What the batch consumer does with a batch: the inbox's batch form around the fan-out, under the consumer's receipts.</summary>
    private async Task<IReadOnlyList<(Guid MessageId, SlaBreached Event)>> RaiseBatchAsync(IReadOnlyList<(Guid MessageId, SlaBreached Event)> messages)
    {
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<Inbox<NotificationsDbContext>>();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertRecorder>();
        var applied = await inbox.ProcessBatchOnceAsync<RuleAlertConsumer<SlaBreached>, (Guid MessageId, SlaBreached Event)>(
            messages, m => m.MessageId, (fresh, ct) => alerts.FanOutAsync([.. fresh.Select(m => (IntegrationEvent)m.Event)], ct), Cancellation);
        scope.ServiceProvider.GetRequiredService<DeliverySignal>().Notify();
        return applied;
    }
}
