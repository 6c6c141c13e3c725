namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// How far apart reviewers were on one criterion (in its own points) or overall (0–100). The standard deviation is
/// the population one: the session's reviewers are the whole group being compared, not a sample of one.
/// </summary>
public sealed record Spread(string Key, int Count, double Min, double Max, double Mean, double StandardDeviation)
{
    public static Spread Of(string key, IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Spread(key, 0, 0, 0, 0, 0);
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return new Spread(key, values.Count, values.Min(), values.Max(), mean, Math.Sqrt(variance));
    }
}
