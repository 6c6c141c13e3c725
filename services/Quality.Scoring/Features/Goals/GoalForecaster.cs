using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.Goals;

/// <summary>
/// A goal's progress and forecast, computed from facts with <see cref="KpiCalculator"/> (pure, so the evaluator and
/// tests share it). The elapsed time is cut into buckets (a day, or an hour for goals shorter than two days) and each
/// bucket's value is a point; a least-squares line through the points (weighted by each bucket's sample count) is
/// the trend. For a measure over the period (CSAT, response times…) the forecast blends what has been measured with
/// the trend's average over the time left, weighted by the samples measured so far and those expected at the same
/// rate; for a state at the period end (the backlog) it is the trend's value at the deadline. docs/kpis.md explains it.
/// </summary>
public static class GoalForecaster
{
    public static readonly TimeSpan DailyFrom = TimeSpan.FromDays(2);

    /// <summary>Null before the goal starts.</summary>
    public static GoalProgress? Compute(Goal goal, KpiFacts facts, DateTimeOffset now)
    {
        if (now <= goal.StartAt)
        {
            return null;
        }

        var definition = goal.Definition;
        var end = now < goal.Deadline ? now : goal.Deadline;
        var current = Measure(facts, goal, goal.StartAt, end);
        var bucket = BucketOf(goal);

        double Days(DateTimeOffset at) => (at - goal.StartAt).TotalDays;

        var points = new List<(double X, double Y, double Weight)>();
        for (var from = goal.StartAt; from < end; from += bucket)
        {
            var to = from + bucket < end ? from + bucket : end;
            var point = Measure(facts, goal, from, to);
            if (point.Value is { } y)
            {
                // A measure describes its whole bucket (its midpoint); a state is the state at the bucket's end.
                points.Add(definition.IsState ? (Days(to), y, 1) : ((Days(from) + Days(to)) / 2, y, point.SampleCount));
            }
        }

        var line = Fit(points);
        var slope = line?.Slope ?? 0;
        double? forecast = null;
        if (current.Value is { } value)
        {
            double Trend(DateTimeOffset at) => definition.Clamp(line is { } l ? l.Intercept + l.Slope * Days(at) : value);

            if (definition.IsState)
            {
                forecast = Trend(goal.Deadline);
            }
            else
            {
                // A line's average over an interval is its value at the midpoint.
                var left = goal.Deadline - end;
                var expected = current.SampleCount * (left / (end - goal.StartAt));
                var ahead = Trend(end + left / 2);
                forecast = definition.Clamp((value * current.SampleCount + ahead * expected) / (current.SampleCount + expected));
            }
        }

        return new GoalProgress(goal.StartAt, end, current.Value, current.SampleCount, forecast, points.Count, bucket, slope);
    }

    /// <summary>Where the goal stands at <paramref name="now"/>; <paramref name="progress"/> from <see cref="Compute"/>.</summary>
    public static GoalStatus Assess(Goal goal, GoalProgress? progress, DateTimeOffset now, int minimumSamples)
    {
        if (goal.CancelledAt is not null)
        {
            return GoalStatus.Cancelled;
        }

        if (goal.Outcome is { } outcome)
        {
            return outcome == GoalOutcome.Achieved ? GoalStatus.Achieved : GoalStatus.Missed;
        }

        if (progress is null)
        {
            return GoalStatus.NotStarted;
        }

        if (now >= goal.Deadline)
        {
            return progress.Value is { } final && goal.IsMetBy(final) ? GoalStatus.Achieved : GoalStatus.Missed;
        }

        if (progress.Forecast is not { } forecast || progress.Points < 2 || (!goal.Definition.IsState && progress.SampleCount < minimumSamples))
        {
            return GoalStatus.TooEarly;
        }

        return goal.IsMetBy(forecast) ? GoalStatus.OnTrack : GoalStatus.AtRisk;
    }

    /// <summary>
    /// What to announce now: at risk once (before the deadline), and the outcome once the deadline is
    /// <see cref="GoalOptions.SettleDelay"/> behind us. Nothing for a cancelled or decided goal.
    /// </summary>
    public static GoalDecision Decide(Goal goal, GoalProgress? progress, DateTimeOffset now, GoalOptions options)
    {
        if (goal.CancelledAt is not null || goal.Outcome is not null)
        {
            return GoalDecision.None;
        }

        var status = Assess(goal, progress, now, options.MinimumSamples);
        if (now >= goal.Deadline + options.SettleDelay)
        {
            return status == GoalStatus.Achieved ? GoalDecision.Achieved : GoalDecision.Missed;
        }

        return status == GoalStatus.AtRisk && goal.AtRiskAt is null ? GoalDecision.AtRisk : GoalDecision.None;
    }

    public static TimeSpan BucketOf(Goal goal) => goal.Deadline - goal.StartAt >= DailyFrom ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);

    private static KpiResult Measure(KpiFacts facts, Goal goal, DateTimeOffset from, DateTimeOffset to) =>
        KpiCalculator.Compute(facts, goal.Scope, new KpiPeriod(from, to)).Single(r => r.Definition.Name == goal.Metric);

    /// <summary>Weighted least squares; null with fewer than two distinct points in time.</summary>
    private static (double Intercept, double Slope)? Fit(IReadOnlyList<(double X, double Y, double Weight)> points)
    {
        var weight = points.Sum(p => p.Weight);
        if (points.Count < 2 || weight <= 0)
        {
            return null;
        }

        var meanX = points.Sum(p => p.Weight * p.X) / weight;
        var meanY = points.Sum(p => p.Weight * p.Y) / weight;
        var sxx = points.Sum(p => p.Weight * (p.X - meanX) * (p.X - meanX));
        if (sxx <= 1e-12)
        {
            return null;
        }

        var slope = points.Sum(p => p.Weight * (p.X - meanX) * (p.Y - meanY)) / sxx;
        return (meanY - slope * meanX, slope);
    }
}
