using Quality.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Deliveries;

public sealed class DeliveryLogTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_attempt_is_queryable_by_rule_alert_channel_and_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = async (call, http) =>
        {
            await Task.Delay(call == 1 ? 20 : 0, http.RequestAborted);
            http.Response.StatusCode = call == 1 ? 503 : 204;
        };
        var scenario = new Scenario(servers.Notifications);
        var ruleId = await scenario.CreateWebhookRuleAsync(receiver);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await scenario.PublishAsync(scenario.Breach());
        var delivery = (await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered }]))[0];

        var byRule = await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?ruleId={ruleId}&channel=webhook&from={Uri.EscapeDataString(since.ToString("O"))}", Cancellation);
        var entries = byRule.EnumerateArray().ToList();
        // One attempt per receiver call: the log printed if not (a timed-out attempt that never reached the receiver shows here).
        Assert.True(entries.Count == 2 && receiver.Received.Count == 2, $"receiver calls: {receiver.Received.Count}; log: {byRule}");
        Assert.Equal(204, entries[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(503, entries[1].GetProperty("statusCode").GetInt32());
        Assert.Equal("HTTP 503", entries[1].GetProperty("error").GetString());
        Assert.True(entries[1].GetProperty("latencyMs").GetInt64() >= 15);
        Assert.All(entries, e => Assert.Equal("delivered", e.GetProperty("deliveryStatus").GetString()));

        var byAlert = await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?alertId={delivery.AlertId}", Cancellation);
        Assert.Equal(2, byAlert.GetArrayLength());
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Equal(0, (await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?ruleId={ruleId}&from={future}", Cancellation)).GetArrayLength());
        Assert.Equal(0, (await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?ruleId={ruleId}&channel=in_app", Cancellation)).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Manager.GetAsync("/api/deliveries?limit=0", Cancellation)).StatusCode);
    }
}
