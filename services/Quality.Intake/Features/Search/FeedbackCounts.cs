namespace Quality.Intake.Features.Search;

/// <summary>How many items a period received, per channel, kind, category and sentiment band; each most first.</summary>
public sealed record FeedbackCounts(
    DateTimeOffset From,
    DateTimeOffset To,
    long Total,
    IReadOnlyList<KeyValuePair<string, long>> ByChannel,
    IReadOnlyList<KeyValuePair<string, long>> ByKind,
    IReadOnlyList<KeyValuePair<string, long>> ByCategory,
    IReadOnlyList<KeyValuePair<string, long>> BySentiment)
{
    /// <summary>At or below this a sentiment is negative; at or above its opposite, positive.</summary>
    public const double NegativeSentiment = -0.2;
    public const double PositiveSentiment = 0.2;
}
