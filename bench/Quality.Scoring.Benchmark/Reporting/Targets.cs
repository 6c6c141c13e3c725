namespace Quality.Scoring.Benchmark.Reporting;

/// <summary>Issue 5's performance targets, which the report checks each figure against.</summary>
public static class Targets
{
    public const double FoldedPerSecond = 5000;
    public const double RedisQueryP99Milliseconds = 5;
    public const double FeedChangeP99Milliseconds = 100;
    public const int FeedSubscribers = 1000;

    public static string Verdict(bool met) => met ? "met" : "not met";
}
