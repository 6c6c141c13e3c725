using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;

namespace Quality.Scoring.Tests.Features.Goals;

/// <summary>
/// The evaluator on real PostgreSQL with a fake clock, in a year of its own (far ahead, where the replicas' own
/// evaluators, on the real clock, see goals that have not started): what it announces, when, and only once, with two
/// evaluators racing for the same goals.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class GoalEvaluatorTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_evaluators_announce_at_risk_then_the_outcome_once_each()
    {
        var d0 = new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));
        var csat = new CsatDays(d0, 10, 9, 8, 7, 6);
        await DirectFacts.RecordAsync(servers.Scoring, csat.Events);
        var scope = KpiScope.Team(csat.Team);
        var ambitious = GoalForecasterTests.Goal("csat_percent", 80, GoalDirection.AtLeast, scope, d0, d0.AddDays(10));
        var modest = GoalForecasterTests.Goal("csat_percent", 40, GoalDirection.AtLeast, scope, d0, d0.AddDays(10));
        var later = GoalForecasterTests.Goal("csat_percent", 99, GoalDirection.AtLeast, scope, d0.AddDays(20), d0.AddDays(30));
        await StoreAsync(ambitious, modest, later);

        var clock = new FakeTimeProvider(d0.AddDays(4));
        var evaluators = new[] { Evaluator(clock), Evaluator(clock) };

        await RaceAsync(evaluators);
        var atRisk = Assert.Single(await Outbox.WhereAsync(servers.Scoring, "goalId", ambitious.Id.ToString()));
        Assert.Equal("GoalAtRisk", atRisk.Type);
        Assert.Equal((75.0, 45.0, 40L, "at_least"), (
            atRisk.Payload.GetProperty("current").GetDouble(), Math.Round(atRisk.Payload.GetProperty("forecast").GetDouble(), 9),
            atRisk.Payload.GetProperty("sampleCount").GetInt64(), atRisk.Payload.GetProperty("direction").GetString()));
        Assert.Empty(await Outbox.WhereAsync(servers.Scoring, "goalId", modest.Id.ToString()));

        // Looked at again and again: nothing new until the deadline has passed and settled.
        clock.Advance(TimeSpan.FromDays(1));
        await RaceAsync(evaluators);
        clock.SetUtcNow(d0.AddDays(10) + new GoalOptions().SettleDelay - TimeSpan.FromSeconds(1));
        await RaceAsync(evaluators);
        Assert.Single(await Outbox.WhereAsync(servers.Scoring, "goalId", ambitious.Id.ToString()));

        clock.Advance(TimeSpan.FromSeconds(1));
        await RaceAsync(evaluators);
        await RaceAsync(evaluators);
        Assert.Equal(["GoalAtRisk", "GoalMissed"], (await Outbox.WhereAsync(servers.Scoring, "goalId", ambitious.Id.ToString())).Select(e => e.Type));
        var achieved = Assert.Single(await Outbox.WhereAsync(servers.Scoring, "goalId", modest.Id.ToString()));
        Assert.Equal(("GoalAchieved", 75.0), (achieved.Type, achieved.Payload.GetProperty("current").GetDouble()));
        Assert.Empty(await Outbox.WhereAsync(servers.Scoring, "goalId", later.Id.ToString()));

        var stored = await LoadAsync(ambitious.Id);
        Assert.Equal((GoalOutcome.Missed, 75.0, d0.AddDays(4)), (stored.Outcome, stored.FinalValue, stored.AtRiskAt));
    }

    private GoalEvaluator Evaluator(TimeProvider clock) => new(
        servers.Scoring.Services.GetRequiredService<IServiceScopeFactory>(), clock,
        servers.Scoring.Services.GetRequiredService<IOptions<GoalOptions>>(), NullLogger<GoalEvaluator>.Instance);

    /// <summary>Both evaluators, several times each, at once.</summary>
    private static Task RaceAsync(GoalEvaluator[] evaluators) =>
        Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => evaluators[i % 2].EvaluateDueAsync(Cancellation), Cancellation)));

    private async Task StoreAsync(params Goal[] goals)
    {
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        db.Goals.AddRange(goals);
        await db.SaveChangesAsync(Cancellation);
    }

    private async Task<Goal> LoadAsync(Guid id)
    {
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScoringDbContext>().Goals.AsNoTracking().SingleAsync(g => g.Id == id, Cancellation);
    }
}
