using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Notifications.Tests.Webhooks;

/// <summary>
/// One receiver in trouble must not slow the others: it holds at most its endpoint's cap of the webhook slots,
/// its circuit opens after a few failures and then lets one probe through at a time.
/// </summary>
public sealed class EndpointIsolationTests(NotificationsServers servers)
{
    private const int HealthyReceivers = 3;
    private const int EventsPerHealthyReceiver = 8;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hanging_receiver_holds_no_more_than_its_cap_while_every_healthy_delivery_goes_through()
    {
        // Two replicas claim from the same table: the cap holds across them.
        _ = servers.SecondReplica;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var held = new ConcurrencyGauge();
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Answer = (_, http) => held.HoldAsync(() => HangAsync(http, stop.Token));
        var dead = new Scenario(servers.Notifications);
        var deadRule = await dead.CreateWebhookRuleAsync(hanging);
        var healthy = new List<(Scenario Scenario, WebhookReceiver Receiver, Guid Rule)>();
        try
        {
            for (var i = 0; i < HealthyReceivers; i++)
            {
                var receiver = await WebhookReceiver.StartAsync();
                var scenario = new Scenario(servers.Notifications);
                healthy.Add((scenario, receiver, await scenario.CreateWebhookRuleAsync(receiver)));
            }

            // More deliveries to the dead receiver than the lane has slots: without a per-endpoint cap they would take them all.
            const int deadEvents = NotificationsHost.WebhookMaxConcurrency + 4;
            for (var i = 0; i < deadEvents; i++)
            {
                await dead.PublishAsync(dead.Breach());
            }

            await Eventually.Async(() => Task.FromResult(held.Current), n => n == NotificationsHost.MaxInFlightPerEndpoint);
            foreach (var (scenario, _, _) in healthy)
            {
                for (var i = 0; i < EventsPerHealthyReceiver; i++)
                {
                    await scenario.PublishAsync(scenario.Breach());
                }
            }

            foreach (var (scenario, receiver, rule) in healthy)
            {
                await Eventually.Async(
                    () => scenario.DeliveriesForRuleAsync(rule),
                    d => d.Count == EventsPerHealthyReceiver && d.All(x => x.Status == DeliveryStatuses.Delivered));
                Assert.Equal(EventsPerHealthyReceiver, receiver.Received.Select(r => r.Id).Distinct().Count());
                Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
            }

            // Every healthy delivery is done while the dead receiver's are all still waiting.
            var waiting = await dead.DeliveriesForRuleAsync(deadRule);
            Assert.Equal(deadEvents, waiting.Count);
            Assert.All(waiting, d => Assert.Equal(DeliveryStatuses.Pending, d.Status));
            Assert.True(held.Max <= NotificationsHost.MaxInFlightPerEndpoint,
                $"the dead receiver held {held.Max} requests at once; the cap is {NotificationsHost.MaxInFlightPerEndpoint}");
        }
        finally
        {
            // Deleting the rule cancels what is left, so nothing keeps probing a receiver that is gone.
            await dead.Manager.DeleteAsync($"/api/rules/{deadRule}", Cancellation);
            await stop.CancelAsync();
            foreach (var (_, receiver, _) in healthy)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_failing_endpoints_circuit_opens_after_a_few_failures_lets_one_probe_through_and_closes_when_it_succeeds()
    {
        var healed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probes = new ConcurrencyGauge();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = async (_, http) =>
        {
            if (!healed.Task.IsCompleted)
            {
                http.Response.StatusCode = 500;
                return;
            }

            // Up again, but each request is held until the test lets it go: what arrives meanwhile shows.
            await probes.HoldAsync(() => release.Task.WaitAsync(http.RequestAborted));
            http.Response.StatusCode = 200;
        };
        var scenario = new Scenario(servers.Notifications);
        var rule = await scenario.CreateWebhookRuleAsync(receiver);
        const int events = 6;
        for (var i = 0; i < events; i++)
        {
            await scenario.PublishAsync(scenario.Breach());
        }

        var endpoint = EndpointOf(receiver.Url);
        var opened = await Eventually.Async(() => CircuitAsync(endpoint), c => c is { OpenUntil: not null });
        Assert.True(opened!.ConsecutiveFailures >= NotificationsHost.BreakerFailureThreshold);
        Assert.Equal("HTTP 500", opened.LastError);
        // Sends claimed before the circuit opened may still be on their way; they are not probes, so heal only once
        // none is in flight (the open circuit lets nothing new out).
        await Eventually.Async(() => InFlightAsync(endpoint), n => n == 0);

        healed.SetResult();
        await Eventually.Async(() => Task.FromResult(probes.Entered), n => n == 1);
        // Absence can only be shown by waiting: several claim rounds and more than the break duration pass, and
        // however many deliveries are due, nothing else is sent while the probe is out.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Equal(1, probes.Entered);
        Assert.NotNull(await CircuitAsync(endpoint));

        release.SetResult();
        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(rule), d => d.Count == events && d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.Null(await CircuitAsync(endpoint));
        Assert.True(probes.Max <= NotificationsHost.MaxInFlightPerEndpoint);
        var attempts = await scenario.AttemptsForRuleAsync(rule);
        Assert.Equal(events, attempts.Count(a => a.Outcome == DeliveryStatuses.Delivered));
        Assert.All(attempts.Where(a => a.Outcome != DeliveryStatuses.Delivered), a => Assert.Equal((500, "retry"), (a.StatusCode ?? 0, a.Outcome)));
    }

    [Fact]
    public async Task Deleting_a_rule_cancels_its_unsent_deliveries_and_logs_why()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, http) =>
        {
            http.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        var scenario = new Scenario(servers.Notifications);
        var rule = await scenario.CreateWebhookRuleAsync(receiver);
        const int events = 3;
        for (var i = 0; i < events; i++)
        {
            await scenario.PublishAsync(scenario.Breach());
        }

        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(rule), d => d.Count == events && d.All(x => x is { Status: DeliveryStatuses.Pending, Attempts: > 0 }));

        var response = await scenario.Manager.DeleteAsync($"/api/rules/{rule}", Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        // In the deletion's own transaction: cancelled as soon as it answers, none left to send.
        var cancelled = await scenario.DeliveriesForRuleAsync(rule);
        Assert.All(cancelled, d => Assert.Equal((DeliveryStatuses.Cancelled, (DateTimeOffset?)null), (d.Status, d.LeasedUntil)));
        var log = await scenario.AttemptsForRuleAsync(rule);
        var entries = log.Where(a => a.Outcome == DeliveryStatuses.Cancelled).ToList();
        Assert.Equal(cancelled.Select(d => d.Id).Order(), entries.Select(e => e.DeliveryId).Order());
        Assert.All(entries, e => Assert.Contains("rule deleted", e.Error));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await scenario.Manager.DeleteAsync($"/api/rules/{rule}", Cancellation)).StatusCode);

        // Nothing more is sent: several claim rounds later the receiver has had no further call.
        var calls = receiver.Received.Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Equal(calls, receiver.Received.Count);
        Assert.All(await scenario.DeliveriesForRuleAsync(rule), d => Assert.Equal(DeliveryStatuses.Cancelled, d.Status));
    }

    private static async Task HangAsync(HttpContext http, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stop);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The service gave up (its timeout) or the test ended.
        }
    }

    private static string EndpointOf(string url) => new Uri(url).GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    private async Task<int> InFlightAsync(string endpoint)
    {
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking()
            .CountAsync(d => d.Endpoint == endpoint && d.Status == DeliveryStatuses.Pending && d.LeasedUntil > now, Cancellation);
    }

    private async Task<EndpointCircuit?> CircuitAsync(string endpoint)
    {
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().EndpointCircuits.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Endpoint == endpoint, Cancellation);
    }
}
