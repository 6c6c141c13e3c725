using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Cases;

/// <summary>
/// Repeat complaints joining the customer's open case, on real PostgreSQL with a fake clock in 2031 on the
/// default calendar (Asia/Shanghai, Monday to Friday 09:00–18:00).
/// </summary>
public sealed class RepeatComplaintTests(RoutingServers servers)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly Caller Admin = new("admin-1", Team: null, IsSupervisorOrAbove: true, IsAdmin: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeats_join_the_open_case_raise_its_priority_and_tighten_its_sla_goals_with_the_time_used_kept()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 10);
        await scenario.CreatePolicyAsync(new[]
        {
            new { priority = 1, firstResponse = "1800s", resolution = "3600s" },
            new { priority = 2, firstResponse = "3600s", resolution = "7200s" },
            new { priority = 3, firstResponse = "14400s", resolution = "28800s" },
        });
        var time = new FakeTimeProvider(Monday(10));
        var customer = $"customer-{Guid.NewGuid():N}";
        var opened = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time)));
        Assert.Equal(3, opened.Priority);

        // 10:30, a second complaint: priority 2. First response: 30 of 60 minutes used, due 11:00 (warning at 48);
        // resolution: 30 of 120 used, due 12:00 (warning at 96, 11:36).
        time.SetUtcNow(Monday(10, 30));
        var repeat = Complaint(scenario, customer, time, severity: 1, channel: "email");
        var joined = await ActAsync(time, s => s.OpenAsync(repeat));
        Assert.Equal((opened.Id, 2, 2, 2), (joined.Id, joined.Priority, joined.ComplaintCount, joined.Severity));
        Assert.Equal(
            [$"FirstResponse Warning {Monday(10, 48)}", $"FirstResponse Breach {Monday(11)}", $"Resolution Warning {Monday(11, 36)}", $"Resolution Breach {Monday(12)}"],
            await TimersAsync(time, opened.Id));

        // The same complaint delivered again changes nothing.
        Assert.Null(await ActAsync(time, s => s.Opener.OpenAsync(repeat, Cancellation)));

        // 10:40, a third: priority 1. First response has used 40 of its new 30 minutes: breached at once, which
        // escalates; resolution has 20 of 60 left, due 11:00 (warning at 48, 10:48).
        time.SetUtcNow(Monday(10, 40));
        var thirdComplaint = Complaint(scenario, customer, time, sentiment: -0.2);
        var third = await ActAsync(time, s => s.OpenAsync(thirdComplaint));
        Assert.Equal((1, 3), (third.Priority, third.ComplaintCount));
        Assert.Equal([$"Resolution Warning {Monday(10, 48)}", $"Resolution Breach {Monday(11)}"], await TimersAsync(time, opened.Id));
        var breach = Assert.Single(await scenario.EventPayloadsAsync(opened.Id, nameof(SlaBreached)));
        Assert.Equal((int)SlaTarget.FirstResponse, breach.GetProperty("target").GetInt32());
        Assert.Equal((EscalationTrigger.SlaBreach, 1), (third.Escalation!.Trigger, third.Escalation.Level));

        await using var services = new ClockedServices(servers.Routing, time);
        var complaints = await services.Db.CaseComplaints.AsNoTracking().Where(c => c.CaseId == opened.Id).OrderBy(c => c.RecordedAt).ToListAsync(Cancellation);
        Assert.Equal([opened.FeedbackId, repeat.FeedbackId, thirdComplaint.FeedbackId], complaints.Select(c => c.FeedbackId));
        Assert.Equal(1, await services.Db.Cases.CountAsync(c => c.CustomerKey == customer, Cancellation));
        var actions = await services.Db.Timeline.AsNoTracking().Where(e => e.CaseId == opened.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancellation);
        Assert.Equal(
            ["opened", "assigned", "complaint_joined", "priority_raised", "complaint_joined", "priority_raised", "escalated", "escalation_triggered"],
            actions);
        var sla = await services.Sla.GetAsync(Admin, opened.Id, Cancellation);
        Assert.Equal(
            ["started 0", "regoaled 30", "breached 40", "regoaled 40"],
            sla.Entries.Where(e => e.Target == SlaTarget.FirstResponse).Select(e => $"{e.Event} {e.Used.TotalMinutes}"));
        Assert.StartsWith($"priority 2 → 1, policy 'policy-{scenario.Category}': goal 120 → 60 business minutes; goal 60 business minutes",
            sla.Entries.Last(e => e.Target == SlaTarget.Resolution && e.Event == "regoaled").Detail);
    }

    [Fact]
    public async Task A_complaint_opens_its_own_case_on_another_category_after_resolution_outside_the_window_or_without_a_customer()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 10);
        var time = new FakeTimeProvider(Monday(10));
        var customer = $"customer-{Guid.NewGuid():N}";
        var first = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time)));

        var otherCategory = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time) with { Category = scenario.Category + "-b" }));
        var anonymous = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time) with { CustomerKey = null }));
        await ActAsync(time, s => s.Lifecycle.ResolveAsync(Admin, first.Id, "", Cancellation));
        var afterResolution = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time)));
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var afterWindow = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time)));
        time.Advance(TimeSpan.FromDays(6));
        var withinWindow = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, customer, time)));

        Assert.Equal(5, new[] { first.Id, otherCategory.Id, anonymous.Id, afterResolution.Id, afterWindow.Id }.Distinct().Count());
        Assert.Equal((afterWindow.Id, 2), (withinWindow.Id, withinWindow.ComplaintCount));
        Assert.All(new[] { first, otherCategory, anonymous, afterResolution, afterWindow }, c => Assert.Equal(1, c.ComplaintCount));
    }

    [Fact]
    public async Task Repeats_arriving_together_on_both_replicas_open_one_case()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 10);
        var time = new FakeTimeProvider(Monday(10));
        var customer = $"customer-{Guid.NewGuid():N}";
        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var services = new ClockedServices(replicas[i % 2], time);
            await services.OpenAsync(Complaint(scenario, customer, time));
        })));

        await using var check = new ClockedServices(servers.Routing, time);
        var cases = await check.Db.Cases.AsNoTracking().Where(c => c.CustomerKey == customer).ToListAsync(Cancellation);
        var only = Assert.Single(cases);
        Assert.Equal(6, only.ComplaintCount);
        Assert.Equal(6, await check.Db.CaseComplaints.CountAsync(c => c.CaseId == only.Id, Cancellation));
        Assert.Single(await scenario.EventPayloadsAsync(only.Id, nameof(CaseOpened)));
    }

    private static DateTimeOffset Monday(int hour, int minute = 0) => new DateTimeOffset(2031, 3, 3, hour, minute, 0, Shanghai).ToUniversalTime();

    private static ComplaintRaised Complaint(Scenario scenario, string customer, TimeProvider time, int severity = 2, double sentiment = -0.5, string channel = "api")
    {
        var feedbackId = Guid.CreateVersion7();
        return new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = channel, Category = scenario.Category, Severity = severity,
            Sentiment = sentiment, Language = "zh", Summary = "还是没送到", CustomerKey = customer, ReceivedAt = time.GetUtcNow(),
        };
    }

    private async Task<List<string>> TimersAsync(FakeTimeProvider time, Guid caseId)
    {
        await using var services = new ClockedServices(servers.Routing, time);
        var timers = await services.Db.SlaTimers.AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(Cancellation);
        return [.. timers.OrderBy(t => t.Target).ThenBy(t => t.DueAt).Select(t => $"{t.Target} {t.Kind} {t.DueAt}")];
    }

    private Task<T> ActAsync<T>(FakeTimeProvider time, Func<ClockedServices, Task<T>> step) => ClockedServices.RunAsync(servers.Routing, time, step);
}
