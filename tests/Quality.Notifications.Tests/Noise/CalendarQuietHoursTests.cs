using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Notifications.Tests.Noise;

/// <summary>
/// Quiet hours outside a Routing business calendar, end to end: RabbitMQ in, SMTP out, the calendar answered by a
/// stand-in Routing over gRPC that admits only a service identity.
/// </summary>
public sealed class CalendarQuietHoursTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_calendar_is_closed_routine_email_waits_for_its_opening_and_critical_email_goes_at_once()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        var calendarId = CalendarId();
        // Whole milliseconds: PostgreSQL keeps microseconds.
        var opensAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(6).ToUnixTimeMilliseconds());
        servers.Routing.ClosedUntil(calendarId, opensAt);
        var put = await scenario.Manager.PutAsJsonAsync($"/api/recipients/{lead}/quiet-hours", new { calendarId }, Cancellation);
        var stored = await put.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((calendarId, JsonValueKind.Null), (stored.GetProperty("calendarId").GetString(), stored.GetProperty("timeZone").ValueKind));
        var ruleId = await scenario.CreateEmailRuleAsync([lead]);
        var routine = scenario.Breach(priority: 3);
        var critical = scenario.Breach(priority: 1);

        await scenario.PublishAsync(routine);
        await scenario.PublishAsync(critical);

        var first = await Eventually.Async(() => Task.FromResult(servers.Smtp.To(lead).ToList()), m => m.Count == 1);
        Assert.Contains(critical.CaseId.ToString(), first[0].Message.Subject);
        var routineAlert = (await Eventually.Async(() => scenario.AlertsForAsync(routine.EventId), a => a.Count == 1))[0];
        var waiting = Assert.Single(await scenario.DeliveriesForRuleAsync(ruleId), d => d.AlertId == routineAlert.Id);
        Assert.Equal((NoiseDecision.QuietHoursReason, opensAt), (waiting.Reason, waiting.NextAttemptAt));
        Assert.True(DateTimeOffset.UtcNow < opensAt, "the routine alert was not judged before the calendar opened; the machine is too slow for this test");
        Assert.Single(servers.Smtp.To(lead));

        // Released when the calendar opens, not before.
        var mails = await Eventually.Async(() => Task.FromResult(servers.Smtp.To(lead).ToList()), m => m.Count == 2);
        Assert.Contains(routine.CaseId.ToString(), mails[1].Message.Subject);
        Assert.True(DateTimeOffset.UtcNow >= opensAt);
        var sent = await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task When_routing_cannot_answer_routine_email_is_delivered_at_once_with_a_warning()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        var calendarId = CalendarId();
        // Closed when the quiet hours are set; that answer is kept only until the next change, half a second after
        // Routing is first asked (not after this line: on a busy machine the PUT may be handled later than that),
        // after which Routing is down.
        DateTimeOffset? firstAsked = null;
        servers.Routing.Answer(calendarId, at =>
        {
            var change = (firstAsked ??= at).AddMilliseconds(500);
            return at < change ? new CalendarOpening(false, change) : new CalendarOpening(false, change.AddHours(10));
        });
        var put = await scenario.Manager.PutAsJsonAsync($"/api/recipients/{lead}/quiet-hours", new { calendarId }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ruleId = await scenario.CreateEmailRuleAsync([lead]);
        servers.Routing.Down(calendarId);
        var changeAt = firstAsked!.Value.AddMilliseconds(500);
        await Task.Delay(changeAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, Cancellation);
        var routine = scenario.Breach(priority: 3);

        await scenario.PublishAsync(routine);

        var mail = await Eventually.Async(() => Task.FromResult(servers.Smtp.To(lead).ToList()), m => m.Count == 1);
        Assert.Contains(routine.CaseId.ToString(), mail[0].Message.Subject);
        var delivery = Assert.Single(await scenario.DeliveriesForRuleAsync(ruleId));
        Assert.Null(delivery.Reason);
        Assert.Contains(servers.Logs, e => e.Level == LogLevel.Warning && e.Category == typeof(RoutingCalendars).FullName
            && e.Message.Contains($"calendar {calendarId}", StringComparison.Ordinal) && e.Message.Contains("Unavailable", StringComparison.Ordinal));
        Assert.True(servers.Routing.Calls(calendarId) >= 2, "Routing was not asked again once the kept answer ran out");
    }

    [Fact]
    public async Task Calendar_or_period_not_both_an_unknown_calendar_and_an_unreachable_routing_store_nothing()
    {
        var manager = servers.Notifications.QualityManager();
        var address = $"{Guid.NewGuid():N}@example.com";
        var known = CalendarId();
        servers.Routing.ClosedUntil(known, DateTimeOffset.UtcNow.AddHours(1));
        var down = CalendarId();
        servers.Routing.ClosedUntil(down, DateTimeOffset.UtcNow.AddHours(1));
        servers.Routing.Down(down);

        var both = await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { calendarId = known, timeZone = "UTC", start = "22:00", end = "07:00" }, Cancellation);
        var blank = await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { calendarId = " " }, Cancellation);
        var unknown = await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { calendarId = "no-such-calendar" }, Cancellation);
        var unreachable = await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { calendarId = down }, Cancellation);
        var neither = await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { }, Cancellation);

        Assert.Equal(["calendarId"], await ErrorFieldsAsync(both));
        Assert.Equal(["calendarId"], await ErrorFieldsAsync(blank));
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'no-such-calendar' is not a business calendar", unknownProblem.GetProperty("errors").GetProperty("calendarId")[0].GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreachable.StatusCode);
        Assert.Equal(["end", "start", "timeZone"], (await ErrorFieldsAsync(neither)).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/recipients/{address}/quiet-hours", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Switching_between_a_period_and_a_calendar_replaces_the_other()
    {
        var manager = servers.Notifications.QualityManager();
        var address = $"{Guid.NewGuid():N}@example.com";
        var calendarId = CalendarId();
        servers.Routing.ClosedUntil(calendarId, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { timeZone = "Asia/Shanghai", start = "22:00", end = "07:00" }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { calendarId }, Cancellation)).StatusCode);
        var onCalendar = await manager.GetFromJsonAsync<JsonElement>($"/api/recipients/{address}/quiet-hours", Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/recipients/{address}/quiet-hours", new { timeZone = "UTC", start = "23:00", end = "06:00" }, Cancellation)).StatusCode);
        var onPeriod = await manager.GetFromJsonAsync<JsonElement>($"/api/recipients/{address}/quiet-hours", Cancellation);

        Assert.Equal((calendarId, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (onCalendar.GetProperty("calendarId").GetString(), onCalendar.GetProperty("timeZone").ValueKind, onCalendar.GetProperty("start").ValueKind, onCalendar.GetProperty("end").ValueKind));
        Assert.Equal((JsonValueKind.Null, "UTC", "23:00", "06:00"),
            (onPeriod.GetProperty("calendarId").ValueKind, onPeriod.GetProperty("timeZone").GetString(), onPeriod.GetProperty("start").GetString(), onPeriod.GetProperty("end").GetString()));
        await using var scope = servers.Notifications.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().QuietHours.AsNoTracking().SingleAsync(q => q.Address == address, Cancellation);
        Assert.Null(row.CalendarId);
    }

    private static string CalendarId() => $"cal-{Guid.NewGuid():N}"[..20];

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
