using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Tests.Features.Escalation;

/// <summary>
/// The escalation ladder on real PostgreSQL with the time from a fake clock in 2031, on the default ladder:
/// agent at once, supervisor 30 minutes later, quality manager 2 hours after that.
/// </summary>
public sealed class EscalationLadderTests(RoutingServers servers)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_critical_complaint_climbs_from_the_agent_to_the_quality_manager_until_someone_senior_enough_acknowledges()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 10, 0, 0, Shanghai).ToUniversalTime());
        var opened = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, severity: 4, sentiment: -0.3)));
        var start = time.GetUtcNow();

        var escalation = opened.Escalation!;
        Assert.Equal((EscalationState.Climbing, 1, Roles.Agent, EscalationTrigger.CriticalSeverity), (escalation.State, escalation.Level, escalation.Role, escalation.Trigger));
        Assert.Equal(start.AddMinutes(30), escalation.NextLevelAt);

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(await ActAsync(time, s => s.ClimbIfDueAsync(opened.Id)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await ActAsync(time, s => s.ClimbIfDueAsync(opened.Id)));

        // At supervisor level the agent is below it, and another team's supervisor cannot even see the case.
        var agent = new Caller(scenario.AgentId("ann"), scenario.Team, IsSupervisorOrAbove: false, Role: Roles.Agent);
        var stranger = new Caller("sup-elsewhere", "team-elsewhere", IsSupervisorOrAbove: true, Role: Roles.Supervisor);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(agent, opened.Id, "", Cancellation)));
        Assert.Contains("escalated to level 2 (supervisor)", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(stranger, opened.Id, "", Cancellation)));

        time.Advance(TimeSpan.FromHours(2));
        Assert.True(await ActAsync(time, s => s.ClimbIfDueAsync(opened.Id)));
        time.Advance(TimeSpan.FromHours(10));
        Assert.False(await ActAsync(time, s => s.ClimbIfDueAsync(opened.Id)));

        var supervisor = new Caller($"sup-{scenario.Team}", scenario.Team, IsSupervisorOrAbove: true, Role: Roles.Supervisor);
        await Assert.ThrowsAsync<ForbiddenException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(supervisor, opened.Id, "", Cancellation)));
        var manager = new Caller("qm-1", Team: null, IsSupervisorOrAbove: true, Role: Roles.QualityManager);
        var acknowledged = await ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(manager, opened.Id, "calling the customer", Cancellation));
        var again = await Assert.ThrowsAsync<ConflictException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(manager, opened.Id, "", Cancellation)));

        Assert.Equal((EscalationState.Acknowledged, 3, "qm-1", null), (acknowledged.Escalation!.State, acknowledged.Escalation.Level, acknowledged.Escalation.AcknowledgedBy, acknowledged.Escalation.NextLevelAt));
        Assert.Contains("already acknowledged by qm-1", again.Message);
        var events = await scenario.EventPayloadsAsync(opened.Id, nameof(CaseEscalated));
        Assert.Equal(
            [
                $"1 agent {(int)EscalationTrigger.CriticalSeverity} {start.AddMinutes(30):O}",
                $"2 supervisor {(int)EscalationTrigger.NotAcknowledged} {start.AddHours(2.5):O}",
                "3 quality_manager 5 ",
            ],
            events.Select(e => $"{e.GetProperty("level").GetInt32()} {e.GetProperty("role").GetString()} {e.GetProperty("trigger").GetInt32()} "
                + (e.GetProperty("nextLevelAt").ValueKind == System.Text.Json.JsonValueKind.Null ? "" : e.GetProperty("nextLevelAt").GetDateTimeOffset().ToString("O"))));
        Assert.All(events, e => Assert.Equal((int)EscalationTrigger.CriticalSeverity, e.GetProperty("startedBy").GetInt32()));
        Assert.All(events, e => Assert.Equal(scenario.AgentId("ann"), e.GetProperty("agentId").GetString()));
        Assert.Equal(
            ["escalated", "escalated", "escalated", "escalation_acknowledged"],
            (await TimelineAsync(time, opened.Id)).Where(a => a.StartsWith("escalat", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_agent_acknowledges_their_own_case_and_a_later_sla_breach_starts_a_new_round_that_resolving_stops()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        // Priority 2 (severity 2, sentiment ≤ −0.8): one business hour to the first response.
        await scenario.CreatePolicyAsync(new[] { new { priority = 2, firstResponse = "3600s", resolution = "28800s" } });
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 10, 0, 0, Shanghai).ToUniversalTime());
        var opened = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, severity: 2, sentiment: -0.9)));
        Assert.Equal((1, EscalationTrigger.NegativeSentiment), (opened.Escalation!.Level, opened.Escalation.Trigger));

        var agent = new Caller(scenario.AgentId("ann"), scenario.Team, IsSupervisorOrAbove: false, Role: Roles.Agent);
        var colleague = new Caller(scenario.AgentId("bob"), scenario.Team, IsSupervisorOrAbove: false, Role: Roles.Agent);
        await Assert.ThrowsAsync<ForbiddenException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(colleague, opened.Id, "", Cancellation)));
        time.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = await ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(agent, opened.Id, "on it", Cancellation));
        Assert.Equal(EscalationState.Acknowledged, acknowledged.Escalation!.State);
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(await ActAsync(time, s => s.ClimbIfDueAsync(opened.Id)));

        // 11:30: the first-response goal (11:00) was missed; pausing notices it, breaches and escalates again.
        time.Advance(TimeSpan.FromMinutes(25));
        var paused = await ActAsync(time, s => s.Lifecycle.ChangeStatusAsync(agent, opened.Id, "pending_customer", "", Cancellation));
        Assert.Equal((EscalationState.Climbing, 2, 1, EscalationTrigger.SlaBreach), (paused.Escalation!.State, paused.Escalation.Round, paused.Escalation.Level, paused.Escalation.Trigger));

        var resolved = await ActAsync(time, s => s.Lifecycle.ResolveAsync(agent, opened.Id, "", Cancellation));
        Assert.Equal((EscalationState.Stopped, null), (resolved.Escalation!.State, resolved.Escalation.NextLevelAt));
        var events = await scenario.EventPayloadsAsync(opened.Id, nameof(CaseEscalated));
        Assert.Equal([(int)EscalationTrigger.NegativeSentiment, (int)EscalationTrigger.SlaBreach], events.Select(e => e.GetProperty("trigger").GetInt32()));
        Assert.Equal(
            ["escalated", "escalation_acknowledged", "escalated", "escalation_stopped"],
            (await TimelineAsync(time, opened.Id)).Where(a => a.StartsWith("escalat", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ordinary_complaint_does_not_escalate_and_cannot_be_acknowledged()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 5);
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 10, 0, 0, Shanghai).ToUniversalTime());
        var opened = await ActAsync(time, s => s.OpenAsync(Complaint(scenario, severity: 3, sentiment: -0.79)));

        Assert.Null(opened.Escalation);
        var manager = new Caller("qm-1", Team: null, IsSupervisorOrAbove: true, Role: Roles.QualityManager);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => ActAsync(time, s => s.Lifecycle.AcknowledgeEscalationAsync(manager, opened.Id, "", Cancellation)));
        Assert.Contains("is not escalated", refused.Message);
        Assert.Empty(await scenario.EventPayloadsAsync(opened.Id, nameof(CaseEscalated)));
    }

    private static ComplaintRaised Complaint(Scenario scenario, int severity, double sentiment)
    {
        var feedbackId = Guid.CreateVersion7();
        return new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Category = scenario.Category, Severity = severity,
            Sentiment = sentiment, Language = "zh", Summary = "菜里有虫子", ReceivedAt = DateTimeOffset.UtcNow,
        };
    }

    private async Task<List<string>> TimelineAsync(FakeTimeProvider time, Guid caseId) =>
        await ActAsync(time, s => s.Db.Timeline.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancellation));

    private Task<T> ActAsync<T>(FakeTimeProvider time, Func<ClockedServices, Task<T>> step) => ClockedServices.RunAsync(servers.Routing, time, step);
}
