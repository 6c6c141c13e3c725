namespace Quality.Scoring.Features.Goals;

/// <summary>The measured value so far and the forecast, with how the forecast was made.</summary>
public sealed record GoalProgressResponse(
    DateTimeOffset From, DateTimeOffset To, double? Value, long SampleCount, double? Forecast, string Method, int Points, double TrendPerDay)
{
    public static GoalProgressResponse Of(Goal goal, GoalProgress progress) => new(
        progress.From, progress.To, progress.Value, progress.SampleCount, progress.Forecast, MethodOf(goal, progress), progress.Points, progress.TrendPerDay);

    public static string MethodOf(Goal goal, GoalProgress progress)
    {
        var buckets = progress.Bucket == TimeSpan.FromDays(1) ? "daily" : "hourly";
        return goal.Definition.IsState
            ? $"linear trend of {buckets} end-of-bucket values, extended to the deadline"
            : $"value so far blended with the sample-weighted linear trend of {buckets} values over the time left";
    }
}
