namespace Quality.Scoring.Features.QaReviews;

/// <summary>One page of a list, newest first; <see cref="NextOffset"/> is the offset of the next page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? NextOffset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
}
