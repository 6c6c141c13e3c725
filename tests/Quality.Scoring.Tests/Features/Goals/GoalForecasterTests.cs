using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Tests.Infrastructure;

namespace Quality.Scoring.Tests.Features.Goals;

/// <summary>Progress, forecast and decisions from facts, worked out by hand; no servers.</summary>
public sealed class GoalForecasterTests
{
    private static readonly DateTimeOffset D0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GoalOptions Options = new();

    // CSAT 90, 80, 70, 60 % on days 0-3 (ten answers a day).
    private readonly CsatDays _declining = new(D0, 10, 9, 8, 7, 6);

    [Fact]
    public void Forecast_blends_the_value_so_far_with_the_trend_over_the_time_left()
    {
        var goal = Goal("csat_percent", 80, GoalDirection.AtLeast, KpiScope.Team(_declining.Team), D0, D0.AddDays(10));

        var progress = GoalForecaster.Compute(goal, InMemoryFacts.From(_declining.Events), D0.AddDays(4))!;

        // 30 of 40 satisfied so far. Daily points (0.5, 90) … (3.5, 60): the line is 95 − 10·day. The six days
        // left average the line at day 7, 25 %, over the 60 answers expected at 10 a day: (75·40 + 25·60) / 100.
        Assert.Equal((75.0, 40L, 4, TimeSpan.FromDays(1)), (progress.Value!.Value, progress.SampleCount, progress.Points, progress.Bucket));
        Assert.Equal(-10, progress.TrendPerDay, 9);
        Assert.Equal(45, progress.Forecast!.Value, 9);
        Assert.Equal(GoalStatus.AtRisk, GoalForecaster.Assess(goal, progress, D0.AddDays(4), Options.MinimumSamples));
        Assert.Equal(GoalDecision.AtRisk, GoalForecaster.Decide(goal, progress, D0.AddDays(4), Options));

        var modest = Goal("csat_percent", 40, GoalDirection.AtLeast, KpiScope.Team(_declining.Team), D0, D0.AddDays(10));
        Assert.Equal(GoalStatus.OnTrack, GoalForecaster.Assess(modest, progress, D0.AddDays(4), Options.MinimumSamples));
        Assert.Equal(GoalDecision.None, GoalForecaster.Decide(modest, progress, D0.AddDays(4), Options));
    }

    [Fact]
    public void A_forecast_never_leaves_the_kpis_range()
    {
        var steep = new CsatDays(D0, 10, 9, 5, 1);
        var goal = Goal("csat_percent", 50, GoalDirection.AtLeast, KpiScope.Team(steep.Team), D0, D0.AddDays(10));

        var progress = GoalForecaster.Compute(goal, InMemoryFacts.From(steep.Events), D0.AddDays(3))!;

        // 15 of 30 so far; the line 110 − 40·day is −150 at day 6.5, clamped to 0: (50·30 + 0·70) / 100.
        Assert.Equal(50, progress.Value!.Value, 9);
        Assert.Equal(15, progress.Forecast!.Value, 9);
    }

    [Fact]
    public void The_backlog_is_forecast_as_the_trend_of_its_end_of_day_values_at_the_deadline()
    {
        var team = "team-backlog";
        var opened = Enumerable.Range(0, 8).Select(i => (IntegrationEvent)new CaseOpened
        {
            CorrelationId = Guid.NewGuid(), CaseId = Guid.NewGuid(), FeedbackId = Guid.NewGuid(), Category = "delivery", Priority = 2, Severity = 2,
            Channel = "api", Language = "en", TeamId = team, OpenedAt = D0.AddDays(i / 2).AddHours(9 + i),
        });
        var goal = Goal("backlog", 5, GoalDirection.AtMost, KpiScope.Team(team), D0, D0.AddDays(10));

        var progress = GoalForecaster.Compute(goal, InMemoryFacts.From(opened), D0.AddDays(4))!;

        // Two cases a day, none resolved: 2, 4, 6, 8 open at the end of days 1-4; the line 2·day is 20 at day 10.
        Assert.Equal((8.0, 4, 20.0), (progress.Value!.Value, progress.Points, progress.Forecast!.Value));
        Assert.Equal(GoalDecision.AtRisk, GoalForecaster.Decide(goal, progress, D0.AddDays(4), Options));
    }

    [Fact]
    public void Goals_shorter_than_two_days_are_trended_hour_by_hour()
    {
        Assert.Equal(TimeSpan.FromHours(1), GoalForecaster.BucketOf(Goal("nps", 0, GoalDirection.AtLeast, KpiScope.Organisation, D0, D0.AddHours(36))));
        Assert.Equal(TimeSpan.FromDays(1), GoalForecaster.BucketOf(Goal("nps", 0, GoalDirection.AtLeast, KpiScope.Organisation, D0, D0.AddDays(2))));
    }

    [Fact]
    public void Nothing_is_announced_before_the_start_on_one_point_or_on_too_few_samples()
    {
        var facts = InMemoryFacts.From(_declining.Events);
        var scope = KpiScope.Team(_declining.Team);
        var later = Goal("csat_percent", 99, GoalDirection.AtLeast, scope, D0.AddDays(1), D0.AddDays(10));
        Assert.Null(GoalForecaster.Compute(later, facts, D0.AddHours(12)));
        Assert.Equal(GoalStatus.NotStarted, GoalForecaster.Assess(later, null, D0.AddHours(12), Options.MinimumSamples));
        Assert.Equal(GoalDecision.None, GoalForecaster.Decide(later, null, D0.AddHours(12), Options));

        var goal = Goal("csat_percent", 99, GoalDirection.AtLeast, scope, D0, D0.AddDays(10));
        var oneDay = GoalForecaster.Compute(goal, facts, D0.AddDays(1))!;
        Assert.Equal((1, GoalStatus.TooEarly), (oneDay.Points, GoalForecaster.Assess(goal, oneDay, D0.AddDays(1), Options.MinimumSamples)));

        var fewAnswers = new CsatDays(D0, 2, 0, 0);
        var thin = Goal("csat_percent", 99, GoalDirection.AtLeast, KpiScope.Team(fewAnswers.Team), D0, D0.AddDays(10));
        var progress = GoalForecaster.Compute(thin, InMemoryFacts.From(fewAnswers.Events), D0.AddDays(2))!;
        Assert.Equal((2, 4L), (progress.Points, progress.SampleCount));
        Assert.Equal(GoalDecision.None, GoalForecaster.Decide(thin, progress, D0.AddDays(2), Options));
    }

    [Fact]
    public void The_outcome_is_decided_once_the_deadline_has_settled_and_never_twice()
    {
        var facts = InMemoryFacts.From(_declining.Events);
        var scope = KpiScope.Team(_declining.Team);
        var deadline = D0.AddDays(10);
        var ambitious = Goal("csat_percent", 80, GoalDirection.AtLeast, scope, D0, deadline);
        var modest = Goal("csat_percent", 75, GoalDirection.AtLeast, scope, D0, deadline);
        var nobody = Goal("csat_percent", 10, GoalDirection.AtLeast, KpiScope.Team("nobody"), D0, deadline);

        GoalDecision DecideAt(Goal goal, DateTimeOffset now) => GoalForecaster.Decide(goal, GoalForecaster.Compute(goal, facts, now), now, Options);

        // Past the deadline, but events stamped before it may still be on their way.
        Assert.Equal(GoalDecision.None, DecideAt(ambitious, deadline + Options.SettleDelay - TimeSpan.FromSeconds(1)));
        Assert.Equal(GoalDecision.Missed, DecideAt(ambitious, deadline + Options.SettleDelay));
        // 75 % over the whole period meets "at least 75" exactly.
        Assert.Equal(GoalDecision.Achieved, DecideAt(modest, deadline + Options.SettleDelay));
        // Nothing measured is not a target met.
        Assert.Equal(GoalDecision.Missed, DecideAt(nobody, deadline.AddDays(1)));

        ambitious.AtRiskAt = D0.AddDays(4);
        Assert.Equal(GoalDecision.None, DecideAt(ambitious, D0.AddDays(5)));
        ambitious.Outcome = GoalOutcome.Missed;
        Assert.Equal(GoalDecision.None, DecideAt(ambitious, deadline.AddDays(1)));
        modest.CancelledAt = D0.AddDays(2);
        Assert.Equal(GoalDecision.None, DecideAt(modest, deadline.AddDays(1)));
    }

    public static Goal Goal(string metric, double target, GoalDirection direction, KpiScope scope, DateTimeOffset start, DateTimeOffset deadline) => new()
    {
        Id = Guid.NewGuid(), Metric = metric, Target = target, Direction = direction, ScopeKind = scope.Kind, ScopeId = scope.Id,
        TeamId = scope.Kind == ScopeKind.Team ? scope.Id : null, OwnerId = "owner", StartAt = start, Deadline = deadline, CreatedBy = "test", CreatedAt = start,
    };
}
