using Quality.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Webhooks;

public sealed class CrashResumeTests(NotificationsServers servers)
{
    /// <summary>
    /// A replica claimed the delivery (its lease is the pushed-forward next_attempt_at) and died before the
    /// receiver answered: the row is still pending, so once the lease ends another worker sends it.
    /// </summary>
    [Fact]
    public async Task A_delivery_whose_sender_crashed_mid_send_is_sent_when_its_lease_ends()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var leaseEnds = DateTimeOffset.UtcNow.AddSeconds(1);
        var id = Guid.CreateVersion7();
        await using (var scope = servers.Notifications.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            db.Deliveries.Add(new Delivery
            {
                Id = id,
                AlertId = Guid.CreateVersion7(),
                RuleId = ruleId,
                Url = receiver.Url,
                Payload = $$"""{"id":"{{id}}"}""",
                Status = DeliveryStatuses.Pending,
                NextAttemptAt = leaseEnds,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var received = await Eventually.Async(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 1);

        Assert.True(DateTimeOffset.UtcNow >= leaseEnds, "sent before the crashed sender's lease ended");
        Assert.Equal(id.ToString(), received[0].Id);
        Assert.True(received[0].SignatureValid);
        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered, Attempts: 1 }]);
    }
}
