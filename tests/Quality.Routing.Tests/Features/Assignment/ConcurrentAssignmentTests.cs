using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;

namespace Quality.Routing.Tests.Features.Assignment;

/// <summary>Two Routing replicas on one real PostgreSQL racing to assign the same queue to the same agents.</summary>
public sealed class ConcurrentAssignmentTests(RoutingServers servers)
{
    private const int Agents = 4;
    private const int Capacity = 3;
    private const int QueuedCases = 60;
    private const int CasesOpenedDuringTheRace = 20;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_never_assign_a_case_twice_nor_overfill_an_agent_and_use_all_capacity()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        var agentIds = Enumerable.Range(1, Agents).Select(i => scenario.AgentId($"a{i}")).ToArray();
        foreach (var id in agentIds)
        {
            await scenario.CreateAgentAsync(id[(scenario.Team.Length + 1)..], Capacity, presence: "offline");
        }

        for (var i = 0; i < QueuedCases; i++)
        {
            await scenario.OpenCaseAsync(severity: 1 + i % 4);
        }

        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];
        var admin = new Caller("admin-1", Team: null, IsSupervisorOrAbove: true);
        var race = new List<Task>();
        // Both replicas drain the queue several times over, in parallel…
        race.AddRange(replicas.SelectMany(r => Enumerable.Range(0, 3).Select(_ => Task.Run(() => DrainAsync(r)))));
        // …while the agents come online, each through a different replica (backfill from the agent's side)…
        race.AddRange(agentIds.Select((id, i) => Task.Run(() => SetOnlineAsync(replicas[i % 2], admin, id))));
        // …and new complaints arrive on both (assignment from the case's side).
        race.AddRange(Enumerable.Range(0, CasesOpenedDuringTheRace).Select(i => Task.Run(() => scenario.OpenCaseAsync(severity: 4, on: replicas[i % 2]))));
        await Task.WhenAll(race);

        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var cases = await db.Cases.AsNoTracking().Where(c => c.Category == scenario.Category).ToListAsync(Cancellation);
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToListAsync(Cancellation);
        var caseIds = cases.Select(c => c.Id).ToList();
        var assignments = await db.Timeline.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.Action == "assigned")
            .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync(Cancellation);

        Assert.Equal(QueuedCases + CasesOpenedDuringTheRace, cases.Count);
        Assert.All(assignments, count => Assert.Equal(1, count));
        Assert.Equal(Agents * Capacity, assignments.Count);
        foreach (var agent in agents)
        {
            var held = cases.Count(c => c.AgentId == agent.Id && c.Status == CaseStatus.Assigned);
            Assert.Equal(Capacity, held);
            Assert.Equal(held, agent.ActiveCases);
        }

        Assert.Equal(QueuedCases + CasesOpenedDuringTheRace - Agents * Capacity, cases.Count(c => c.Status == CaseStatus.Open && c.AgentId is null));
        Assert.Equal(Agents * Capacity, await CaseAssignedEventsAsync(db, caseIds));
    }

    private static async Task DrainAsync(RoutingHost replica)
    {
        var drainer = replica.Services.GetRequiredService<QueueDrainer>();
        for (var i = 0; i < 3; i++)
        {
            await drainer.DrainAsync(100, Cancellation);
        }
    }

    private static async Task SetOnlineAsync(RoutingHost replica, Caller admin, string agentId)
    {
        await using var scope = replica.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SetPresenceAsync(admin, agentId, "online", Cancellation);
    }

    private static async Task<int> CaseAssignedEventsAsync(RoutingDbContext db, List<Guid> caseIds)
    {
        var ids = caseIds.Select(id => id.ToString()).ToArray();
        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM outbox_messages
            WHERE message_type LIKE 'Quality.Contracts.Routing.CaseAssigned,%' AND payload->>'caseId' = ANY({ids})
            """).SingleAsync(Cancellation);
    }
}
