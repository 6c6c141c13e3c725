using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Routing.Tests.Features.Escalation;

/// <summary>Durable escalation rows swept by both replicas at once, on real PostgreSQL and real time.</summary>
public sealed class EscalationSweepTests(RoutingServers servers)
{
    private const int Cases = 60;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_climb_happens_once_when_two_replicas_sweep()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        // The cases get an agent, so they never sit in the queue other tests share.
        await scenario.CreateAgentAsync("ann", capacity: Cases);
        var ids = new List<Guid>();
        for (var i = 0; i < Cases; i++)
        {
            ids.Add((await scenario.OpenCaseAsync(severity: 4)).Id);
        }

        // Critical complaints reach level 1 (agent) at once; make the supervisor level due for all of them now.
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var caseIds = ids.ToArray();
        Assert.Equal(Cases, await db.Database.ExecuteSqlAsync(
            $"UPDATE case_escalations SET next_level_at = now() - interval '1 second' WHERE case_id = ANY({caseIds}) AND level = 1", Cancellation));

        // Both replicas' background sweepers run anyway; two more racers per replica claim small batches.
        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];
        var racers = replicas.SelectMany(r => Enumerable.Range(0, 2).Select(_ => Task.Run(() => RaceAsync(r)))).ToList();
        var claimedByRacers = (await Task.WhenAll(racers)).Sum();
        await Eventually.Async(
            () => db.CaseEscalations.AsNoTracking().CountAsync(e => caseIds.Contains(e.CaseId) && e.Level == 2, Cancellation),
            climbed => climbed == Cases);

        var events = new List<int>();
        foreach (var id in ids)
        {
            events.AddRange((await scenario.EventPayloadsAsync(id, nameof(CaseEscalated))).Select(e => e.GetProperty("level").GetInt32()));
        }

        Assert.Equal(Cases, events.Count(level => level == 1));
        Assert.Equal(Cases, events.Count(level => level == 2));
        Assert.Equal(2 * Cases, events.Count);
        var climbs = await db.Timeline.AsNoTracking().CountAsync(e => caseIds.Contains(e.CaseId) && e.Action == "escalated", Cancellation);
        Assert.Equal(2 * Cases, climbs);
        var escalations = await db.CaseEscalations.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).ToListAsync(Cancellation);
        Assert.All(escalations, e => Assert.Equal(("supervisor", EscalationState.Climbing), (e.Role, e.State)));
        Assert.All(escalations, e => Assert.Equal(e.EscalatedAt!.Value.AddHours(2), e.NextLevelAt));
        TestContext.Current.SendDiagnosticMessage($"The racing sweepers claimed {claimedByRacers} of {Cases} climbs.");
    }

    private static async Task<int> RaceAsync(RoutingHost replica)
    {
        var sweeper = replica.Services.GetRequiredService<EscalationSweeper>();
        var claimed = 0;
        for (var round = 0; round < 20; round++)
        {
            claimed += await sweeper.SweepOnceAsync(batchSize: 7, Cancellation);
        }

        return claimed;
    }
}
