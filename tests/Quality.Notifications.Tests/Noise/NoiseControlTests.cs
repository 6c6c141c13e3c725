using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Notifications.Tests.Noise;

/// <summary>Deduplication, throttling with digests and quiet hours, end to end: RabbitMQ in, SMTP out.</summary>
public sealed class NoiseControlTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private SmtpTestServer Smtp => servers.Smtp;

    [Fact]
    public async Task A_repeat_inside_the_dedup_window_is_recorded_as_suppressed_and_not_sent()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        var ruleId = await scenario.CreateEmailRuleAsync([lead], dedupWindowSeconds: 600);
        var first = scenario.Breach(priority: 3);
        var again = first with { EventId = Guid.CreateVersion7(), BreachedAt = first.BreachedAt.AddSeconds(30) };
        var otherCase = scenario.Breach(priority: 3);

        await scenario.PublishAsync(first);
        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered }]);
        await scenario.PublishAsync(again);
        await scenario.PublishAsync(otherCase);

        var suppressed = await Eventually.Async(() => scenario.AlertsForAsync(again.EventId), a => a.Count == 1);
        var original = Assert.Single(await scenario.AlertsForAsync(first.EventId));
        Assert.Equal(original.Id, suppressed[0].DuplicateOf);
        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 2 && d.All(x => x.Status == DeliveryStatuses.Delivered));
        var deliveries = await scenario.DeliveriesForRuleAsync(ruleId);
        Assert.DoesNotContain(deliveries, d => d.AlertId == suppressed[0].Id);
        Assert.Equal(2, Smtp.To(lead).Count());
    }

    [Fact]
    public async Task Past_the_limit_an_addresss_alerts_are_folded_into_one_digest_at_the_end_of_the_window()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        var ruleId = await scenario.CreateEmailRuleAsync([lead]);
        var window = NotificationsHost.ThrottleWindow;
        // Start early in a window, so all five land in the same one.
        var intoWindow = DateTimeOffset.UtcNow - NoisePolicy.WindowStart(DateTimeOffset.UtcNow, window);
        if (intoWindow > window / 3)
        {
            await Task.Delay(window - intoWindow, Cancellation);
        }

        var breaches = Enumerable.Range(0, 5).Select(_ => scenario.Breach(priority: 3)).ToList();
        foreach (var breach in breaches)
        {
            await scenario.PublishAsync(breach);
        }

        var deliveries = await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 5);
        // Normally all five fall in one window (two sent, three held); on a slow machine they may straddle two,
        // so the rule is checked per window: the first two of each are sent, the rest held to its end.
        var windows = deliveries.GroupBy(d => NoisePolicy.WindowStart(d.CreatedAt, window)).ToList();
        Assert.Contains(windows, w => w.Count() > NotificationsHost.ThrottleLimit);
        foreach (var inWindow in windows)
        {
            var sent = inWindow.Where(d => d.Reason is null).ToList();
            var held = inWindow.Where(d => d.Reason is not null).ToList();
            Assert.Equal(Math.Min(NotificationsHost.ThrottleLimit, inWindow.Count()), sent.Count);
            Assert.All(held, d => Assert.Equal((NoiseDecision.ThrottledReason, inWindow.Key + window), (d.Reason, d.HoldUntil)));
        }

        // What was sent at once, then per window with overflow one digest carrying it, once the window ends.
        var heldCount = deliveries.Count(d => d.Reason is not null);
        var digestCount = windows.Count(w => w.Any(d => d.Reason is not null));
        var mails = await Eventually.Async(() => Task.FromResult(Smtp.To(lead).ToList()), m => m.Count == 5 - heldCount + digestCount);
        var digests = mails.Where(m => m.Message.Subject?.StartsWith("[Quality]", StringComparison.Ordinal) == true).Select(m => m.Message).ToList();
        Assert.Equal(digestCount, digests.Count);
        var digested = await Eventually.Async(
            async () => (await scenario.DeliveriesForRuleAsync(ruleId)).Where(d => d.Reason == NoiseDecision.ThrottledReason).ToList(),
            h => h.All(d => d.Status == DeliveryStatuses.Digested));
        Assert.Equal(digestCount, digested.Select(d => d.DigestId).Distinct().Count());
        foreach (var group in digested.GroupBy(d => d.DigestId))
        {
            var digest = Assert.Single(digests, m => m.Headers[EmailMessageFactory.DeliveryIdHeader] == group.Key.ToString());
            Assert.Equal($"[Quality] 提醒摘要：{group.Count()} 条 / Alert digest: {group.Count()}", digest.Subject);
            Assert.All(group, d => Assert.Contains(d.Subject!, digest.TextBody ?? ""));
            Assert.True(digest.Date >= group.First().HoldUntil!.Value.AddSeconds(-1), "the digest went out before its window ended");
        }

        await Task.Delay(300, Cancellation);
        Assert.Equal(mails.Count, Smtp.To(lead).Count());
    }

    [Fact]
    public async Task In_quiet_hours_a_normal_alert_waits_for_their_end_and_a_critical_one_goes_at_once()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        var start = TimeOnly.FromDateTime(local.DateTime.AddHours(-1));
        var end = TimeOnly.FromDateTime(local.DateTime.AddHours(1));
        var put = await scenario.Manager.PutAsJsonAsync($"/api/recipients/{lead}/quiet-hours",
            new { timeZone = "Asia/Shanghai", start = start.ToString("HH:mm"), end = end.ToString("HH:mm") }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ruleId = await scenario.CreateEmailRuleAsync([lead]);
        var routine = scenario.Breach(priority: 3);
        var critical = scenario.Breach(priority: 1);

        await scenario.PublishAsync(routine);
        await scenario.PublishAsync(critical);

        var mail = await Eventually.Async(() => Task.FromResult(Smtp.To(lead).ToList()), m => m.Count == 1);
        Assert.Contains(critical.CaseId.ToString(), mail[0].Message.Subject);
        var routineAlert = (await Eventually.Async(() => scenario.AlertsForAsync(routine.EventId), a => a.Count == 1))[0];
        var waiting = Assert.Single(await scenario.DeliveriesForRuleAsync(ruleId), d => d.AlertId == routineAlert.Id);
        Assert.Equal((DeliveryStatuses.Pending, NoiseDecision.QuietHoursReason, 0), (waiting.Status, waiting.Reason, waiting.Attempts));
        var expectedEnd = new QuietHours(shanghai, new TimeOnly(start.Hour, start.Minute), new TimeOnly(end.Hour, end.Minute)).EndIfWithin(waiting.CreatedAt);
        Assert.Equal(expectedEnd, waiting.NextAttemptAt);
        Assert.True(waiting.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(55));
    }

    [Fact]
    public async Task Quiet_hours_name_each_bad_field_and_only_managers_may_set_them()
    {
        var manager = servers.Notifications.QualityManager();
        var response = await manager.PutAsJsonAsync("/api/recipients/nobody/quiet-hours", new { timeZone = "Mars/Olympus", start = "25:00", end = "07:00" }, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equivalent(new[] { "address", "timeZone", "start" }, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/recipients/{Guid.NewGuid():N}@example.com/quiet-hours", Cancellation)).StatusCode);

        var supervisor = servers.Notifications.ClientFor("sup-1", Roles.Supervisor, "t1");
        var denied = await supervisor.PutAsJsonAsync("/api/recipients/a@example.com/quiet-hours", new { timeZone = "UTC", start = "22:00", end = "07:00" }, Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().QuietHours.AnyAsync(q => q.Address == "a@example.com", Cancellation));
    }
}
