using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Deliveries;

/// <summary>Attempts recorded a batch at a time on the real database, and one by one when a batch cannot be.</summary>
public sealed class AttemptRecorderTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly DeliveryLane Lane = new(
        MaxConcurrency: 8, Timeout: TimeSpan.FromSeconds(5), MaxAttempts: 2, BaseDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromSeconds(2),
        PollInterval: TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_batch_records_each_outcome_and_a_row_that_cannot_be_recorded_fails_alone()
    {
        var scenario = new Scenario(servers.Notifications);
        var (ruleId, _) = await scenario.CreateWebhookRuleAsync("http://127.0.0.1:9/hook");
        var delivered = await AddDeliveryAsync(ruleId, attempts: 0);
        var retried = await AddDeliveryAsync(ruleId, attempts: 0);
        var dead = await AddDeliveryAsync(ruleId, attempts: 1);
        var recorder = new AttemptRecorder(servers.Notifications.Services.GetRequiredService<IServiceScopeFactory>(), "webhook", Lane, TimeProvider.System, NullLogger.Instance);

        // All handed in before the recorder starts, so they make one batch; the last one's row does not exist.
        var recorded = new[]
        {
            recorder.RecordAsync(Claimed(delivered, ruleId), DateTimeOffset.UtcNow, new SendResult(200, null), 12),
            recorder.RecordAsync(Claimed(retried, ruleId), DateTimeOffset.UtcNow, new SendResult(500, "HTTP 500", EndpointFault: true), 15),
            recorder.RecordAsync(Claimed(dead, ruleId), DateTimeOffset.UtcNow, new SendResult(503, "HTTP 503", EndpointFault: true), 20),
        };
        var missing = recorder.RecordAsync(Claimed(Guid.CreateVersion7(), ruleId), DateTimeOffset.UtcNow, new SendResult(200, null), 1);
        recorder.Complete();
        await recorder.RunAsync(Cancellation);

        await Task.WhenAll(recorded);
        await Assert.ThrowsAnyAsync<Exception>(() => missing);
        var deliveries = (await scenario.DeliveriesForRuleAsync(ruleId)).ToDictionary(d => d.Id);
        Assert.Equal((DeliveryStatuses.Delivered, 1), (deliveries[delivered].Status, deliveries[delivered].Attempts));
        Assert.Equal((DeliveryStatuses.Pending, 1), (deliveries[retried].Status, deliveries[retried].Attempts));
        Assert.Equal((DeliveryStatuses.Dead, 2), (deliveries[dead].Status, deliveries[dead].Attempts));
        Assert.All(deliveries.Values, d => Assert.Null(d.LeasedUntil));
        var attempts = (await scenario.AttemptsForRuleAsync(ruleId)).ToDictionary(a => a.DeliveryId);
        Assert.Equal((200, "delivered", 12L), (attempts[delivered].StatusCode, attempts[delivered].Outcome, attempts[delivered].LatencyMs));
        Assert.Equal((500, "retry", "HTTP 500"), (attempts[retried].StatusCode, attempts[retried].Outcome, attempts[retried].Error));
        Assert.Equal((503, "dead", 2), (attempts[dead].StatusCode, attempts[dead].Outcome, attempts[dead].Attempt));
    }

    /// <summary>A pending webhook delivery leased far ahead, so the service's own worker leaves it to the test.</summary>
    private async Task<Guid> AddDeliveryAsync(Guid ruleId, int attempts)
    {
        var id = Guid.CreateVersion7();
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Deliveries.Add(new Delivery
        {
            Id = id,
            AlertId = Guid.CreateVersion7(),
            RuleId = ruleId,
            Url = "http://127.0.0.1:9/hook",
            Payload = $$"""{"id":"{{id}}"}""",
            Status = DeliveryStatuses.Pending,
            Attempts = attempts,
            NextAttemptAt = DateTimeOffset.UtcNow.AddHours(1),
            LeasedUntil = DateTimeOffset.UtcNow.AddHours(1),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Cancellation);
        return id;
    }

    private static ClaimedDelivery Claimed(Guid id, Guid ruleId) =>
        new(id, null, ruleId, "webhook", "http://127.0.0.1:9/hook", null, null, "{}", 0, "");
}
