using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Contracts.Scoring;
using Quality.Messaging.Outbox;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// Evaluates a batch of goals in one transaction. The goals are claimed with <c>FOR UPDATE SKIP LOCKED</c>, their
/// state re-read under the lock, and an announcement is written to the outbox together with the state that says it
/// was made: two replicas never claim the same goal at once, and the second to look sees the first's state, so each
/// of <c>GoalAtRisk</c>, <c>GoalAchieved</c> and <c>GoalMissed</c> is published at most once per goal.
/// </summary>
public sealed class GoalEvaluation(ScoringDbContext db, KpiFactLoader facts, IOptions<GoalOptions> options)
{
    /// <summary>Evaluates up to a batch of goals due at <paramref name="now"/>; returns how many it claimed.</summary>
    public async Task<int> EvaluateOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var decideBefore = now - settings.SettleDelay;
        var evaluatedBefore = now - settings.EvaluationInterval;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Due: past the deadline and its settling time (to decide), or not yet at risk and not looked at lately.
            var goals = await db.Goals.FromSql($"""
                SELECT * FROM goals
                WHERE outcome IS NULL AND cancelled_at IS NULL AND start_at < {now}
                  AND (deadline <= {decideBefore}
                       OR (at_risk_at IS NULL AND deadline > {now} AND (evaluated_at IS NULL OR evaluated_at <= {evaluatedBefore})))
                ORDER BY evaluated_at NULLS FIRST, deadline
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            if (goals.Count == 0)
            {
                return 0;
            }

            var period = new KpiPeriod(goals.Min(g => g.StartAt), goals.Max(g => g.Deadline < now ? g.Deadline : now));
            var loaded = await facts.LoadAsync(period, ct);
            foreach (var goal in goals)
            {
                var progress = GoalForecaster.Compute(goal, loaded, now);
                var decision = GoalForecaster.Decide(goal, progress, now, settings);
                goal.EvaluatedAt = now;
                switch (decision)
                {
                    case GoalDecision.AtRisk:
                        goal.AtRiskAt = now;
                        db.AddToOutbox(Announce(decision, goal, progress));
                        break;
                    case GoalDecision.Achieved:
                    case GoalDecision.Missed:
                        goal.Outcome = decision == GoalDecision.Achieved ? GoalOutcome.Achieved : GoalOutcome.Missed;
                        goal.DecidedAt = now;
                        goal.FinalValue = progress?.Value;
                        db.AddToOutbox(Announce(decision, goal, progress));
                        break;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return goals.Count;
        });
    }

    /// <summary>
    /// The event for a decision. Nothing measured reads as current 0 with sample count 0 (the contract's value is not optional).
    /// </summary>
    private static IntegrationEvent Announce(GoalDecision decision, Goal goal, GoalProgress? progress)
    {
        var scope = goal.ScopeKind switch
        {
            ScopeKind.Agent => GoalScope.Agent,
            ScopeKind.Team => GoalScope.Team,
            _ => GoalScope.Organisation,
        };
        var (current, forecast, samples, direction) = (progress?.Value ?? 0, progress?.Forecast, progress?.SampleCount ?? 0, DirectionName(goal.Direction));
        return decision switch
        {
            GoalDecision.AtRisk => new GoalAtRisk
            {
                CorrelationId = goal.Id, GoalId = goal.Id, Metric = goal.Metric, Scope = scope, ScopeId = goal.ScopeId, OwnerId = goal.OwnerId,
                Target = goal.Target, Direction = direction, Current = current, SampleCount = samples, Forecast = forecast, Deadline = goal.Deadline,
            },
            GoalDecision.Achieved => new GoalAchieved
            {
                CorrelationId = goal.Id, GoalId = goal.Id, Metric = goal.Metric, Scope = scope, ScopeId = goal.ScopeId, OwnerId = goal.OwnerId,
                Target = goal.Target, Direction = direction, Current = current, SampleCount = samples, Forecast = forecast, Deadline = goal.Deadline,
            },
            GoalDecision.Missed => new GoalMissed
            {
                CorrelationId = goal.Id, GoalId = goal.Id, Metric = goal.Metric, Scope = scope, ScopeId = goal.ScopeId, OwnerId = goal.OwnerId,
                Target = goal.Target, Direction = direction, Current = current, SampleCount = samples, Forecast = forecast, Deadline = goal.Deadline,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "nothing to announce"),
        };
    }

    public static string DirectionName(GoalDirection direction) => direction == GoalDirection.AtLeast ? "at_least" : "at_most";
}
