using Quality.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Intake;
using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Assignment;

/// <summary>Automatic and manual assignment on real PostgreSQL (and RabbitMQ for the consumer path).</summary>
public sealed class AssignmentTests(RoutingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<AgentPresence> PresenceAsync(string agentId)
    {
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        return await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.Presence).SingleAsync(Cancellation);
    }

    [Fact]
    public async Task Complaint_from_the_broker_is_opened_and_assigned_to_a_skilled_online_agent()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 2);
        var feedbackId = Guid.CreateVersion7();

        await servers.Routing.Services.GetRequiredService<IBus>().Publish(new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Category = scenario.Category, Severity = 3,
            Sentiment = -0.6, Language = "zh", Summary = "饭菜都凉了", ReceivedAt = DateTimeOffset.UtcNow,
        }, Cancellation);

        var @case = await Eventually.Async(async () =>
        {
            var list = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={feedbackId}", Cancellation);
            return list.GetProperty("cases").EnumerateArray().FirstOrDefault();
        }, c => c.ValueKind == JsonValueKind.Object);
        Assert.Equal("assigned", @case.GetProperty("status").GetString());
        Assert.Equal(scenario.AgentId("ann"), @case.GetProperty("agentId").GetString());
        Assert.Equal(scenario.Team, @case.GetProperty("teamId").GetString());
        var events = await scenario.EventsAsync(Guid.Parse(@case.GetProperty("caseId").GetString()!));
        Assert.Equal(["CaseAssigned", "CaseOpened", "CaseStatusChanged"], events.Order());
    }

    [Fact]
    public async Task Case_goes_to_the_least_loaded_agent_then_the_longest_idle()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("a", capacity: 3);
        await scenario.CreateAgentAsync("b", capacity: 3);

        var first = await scenario.OpenCaseAsync();
        var second = await scenario.OpenCaseAsync();
        var third = await scenario.OpenCaseAsync();

        // Nobody had a case: the never-assigned id order breaks the tie; then b is less loaded; then equal
        // load, and a has been idle longer.
        Assert.Equal(scenario.AgentId("a"), first.AgentId);
        Assert.Equal(scenario.AgentId("b"), second.AgentId);
        Assert.Equal(scenario.AgentId("a"), third.AgentId);
    }

    [Fact]
    public async Task Without_an_eligible_agent_the_case_stays_open_and_is_backfilled_most_urgent_first_when_one_comes_online()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("en-only", capacity: 5, language: "en");
        await scenario.CreateAgentAsync("late", capacity: 2, presence: "offline");

        var low = await scenario.OpenCaseAsync(severity: 1);
        var urgent = await scenario.OpenCaseAsync(severity: 4);
        var middle = await scenario.OpenCaseAsync(severity: 3);
        Assert.All([low, urgent, middle], c => Assert.Equal(CaseStatus.Open, c.Status));

        await scenario.SetPresenceAsync(scenario.AgentId("late"), "online");

        // The fill runs after the presence change commits (and a queue sweep may race it), so poll for the outcome.
        var late = await Eventually.Async(
            () => scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/agents/{scenario.AgentId("late")}", Cancellation),
            a => a.GetProperty("activeCases").GetInt32() == 2);
        Assert.Equal(2, late.GetProperty("activeCases").GetInt32());
        Assert.Equal(scenario.AgentId("late"), (await scenario.CaseAsync(urgent.Id)).AgentId);
        Assert.Equal(scenario.AgentId("late"), (await scenario.CaseAsync(middle.Id)).AgentId);
        Assert.Equal(CaseStatus.Open, (await scenario.CaseAsync(low.Id)).Status);
    }

    [Fact]
    public async Task A_queued_case_held_by_another_transaction_when_an_agent_comes_online_is_not_passed_over()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("late", capacity: 1, presence: "offline");
        var urgent = await scenario.OpenCaseAsync(severity: 4);
        var low = await scenario.OpenCaseAsync(severity: 1);

        // Another replica holds the urgent case, having read the agents before "late" came online: it will
        // find nobody and let go. The agent's fill must wait for it rather than take the less urgent case.
        await using var scope = servers.SecondReplica.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var holder = await db.Database.BeginTransactionAsync(Cancellation);
        await db.Database.ExecuteSqlAsync($"SELECT id FROM cases WHERE id = {urgent.Id} FOR UPDATE", Cancellation);
        var online = Task.Run(() => scenario.SetPresenceAsync(scenario.AgentId("late"), "online"), Cancellation);
        await Eventually.Async(() => PresenceAsync(scenario.AgentId("late")), p => p == AgentPresence.Online);
        await holder.RollbackAsync(Cancellation);
        await holder.DisposeAsync();
        await online;

        Assert.Equal(scenario.AgentId("late"), (await scenario.CaseAsync(urgent.Id)).AgentId);
        Assert.Equal(CaseStatus.Open, (await scenario.CaseAsync(low.Id)).Status);
    }

    [Fact]
    public async Task Supervisor_reassigns_a_case_and_the_freed_slot_is_backfilled()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("from", capacity: 1);
        var moved = await scenario.OpenCaseAsync(severity: 3);
        var waiting = await scenario.OpenCaseAsync(severity: 2);
        await scenario.CreateAgentAsync("to", capacity: 1, presence: "away");

        var reassigned = await scenario.PostAsync(scenario.Supervisor, $"/api/cases/{moved.Id}/assign", new { agentId = scenario.AgentId("to"), note = "vip" });

        Assert.Equal(scenario.AgentId("to"), reassigned.GetProperty("agentId").GetString());
        Assert.Equal(scenario.AgentId("from"), (await scenario.CaseAsync(waiting.Id)).AgentId);
        var timeline = await scenario.Supervisor.GetFromJsonAsync<JsonElement>($"/api/cases/{moved.Id}/timeline", Cancellation);
        var last = timeline.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal("assigned", last.GetProperty("action").GetString());
        Assert.Equal(scenario.AgentId("from"), last.GetProperty("previousAgentId").GetString());
        Assert.Equal($"sup-{scenario.Team}", last.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Manual_assignment_never_overfills_an_agent_and_agents_cannot_assign()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("full", capacity: 1);
        await scenario.OpenCaseAsync();
        await scenario.CreateAgentAsync("spare", capacity: 1, presence: "offline");
        var other = await scenario.OpenCaseAsync();
        await scenario.PostAsync(scenario.Admin, $"/api/cases/{other.Id}/assign", new { agentId = scenario.AgentId("spare") });
        using var agent = servers.Routing.ClientFor(scenario.AgentId("spare"), Quality.ServiceDefaults.Authentication.Roles.Agent, scenario.Team);

        var overfill = await scenario.Supervisor.PostAsJsonAsync($"/api/cases/{other.Id}/assign", new { agentId = scenario.AgentId("full") }, Cancellation);
        var unknown = await scenario.Supervisor.PostAsJsonAsync($"/api/cases/{other.Id}/assign", new { agentId = scenario.AgentId("ghost") }, Cancellation);
        var byAgent = await agent.PostAsJsonAsync($"/api/cases/{other.Id}/assign", new { agentId = scenario.AgentId("full") }, Cancellation);

        var problem = await overfill.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, overfill.StatusCode);
        Assert.Contains("is at capacity (1 of 1 active cases)", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(scenario.AgentId("spare"), (await scenario.CaseAsync(other.Id)).AgentId);
    }
}
