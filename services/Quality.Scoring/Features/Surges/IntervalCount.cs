namespace Quality.Scoring.Features.Surges;

/// <summary>Complaints of a category in one interval (numbered from the Unix epoch).</summary>
public sealed record IntervalCount(string Category, long Interval, int Count);
