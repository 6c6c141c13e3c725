namespace Quality.Scoring.Features.Goals;

/// <summary>
/// A goal's KPI over [<see cref="From"/>, <see cref="To"/>) (its start until now, or until the deadline once that has
/// passed), and the forecast of its value over the whole goal period: the trend of <see cref="Points"/> per-bucket
/// values (<see cref="Bucket"/> long), rising by <see cref="TrendPerDay"/> a day.
/// </summary>
public sealed record GoalProgress(
    DateTimeOffset From, DateTimeOffset To, double? Value, long SampleCount, double? Forecast, int Points, TimeSpan Bucket, double TrendPerDay);
