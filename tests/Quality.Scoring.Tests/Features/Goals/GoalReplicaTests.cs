using Microsoft.Extensions.DependencyInjection;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Scoring.Tests.Features.Goals;

/// <summary>Two replicas on the real clock, their evaluators racing for the same due goals: each outcome is announced once.</summary>
public sealed class GoalReplicaTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outcomes_are_announced_once_when_two_replicas_evaluate_the_same_goals()
    {
        await using var second = servers.AnotherReplica();
        _ = second.Server;
        var now = DateTimeOffset.UtcNow;
        var team = KpiScope.Team($"team-r-{Guid.NewGuid():N}"[..20]);
        // Past their deadline and its settling time. Nobody in the team: no CSAT (missed), an empty backlog (achieved).
        var goals = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? GoalForecasterTests.Goal("csat_percent", 80, GoalDirection.AtLeast, team, now.AddHours(-3), now.AddMinutes(-10))
            : GoalForecasterTests.Goal("backlog", 5, GoalDirection.AtMost, team, now.AddHours(-3), now.AddMinutes(-10))).ToList();
        await using (var scope = servers.Scoring.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            db.Goals.AddRange(goals);
            await db.SaveChangesAsync(Cancellation);
        }

        // The replicas' own background evaluators run too; these calls make the race certain.
        var evaluators = new[] { servers.Scoring.Services.GetRequiredService<GoalEvaluator>(), second.Services.GetRequiredService<GoalEvaluator>() };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => evaluators[i % 2].EvaluateDueAsync(Cancellation), Cancellation)));

        foreach (var (goal, i) in goals.Select((g, i) => (g, i)))
        {
            var events = await Eventually.Async(() => Outbox.WhereAsync(servers.Scoring, "goalId", goal.Id.ToString()), e => e.Count > 0);
            Assert.Equal([i % 2 == 0 ? "GoalMissed" : "GoalAchieved"], events.Select(e => e.Type));
        }

        await Task.WhenAll(evaluators.Select(e => e.EvaluateDueAsync(Cancellation)));
        foreach (var goal in goals)
        {
            Assert.Single(await Outbox.WhereAsync(servers.Scoring, "goalId", goal.Id.ToString()));
        }
    }
}
