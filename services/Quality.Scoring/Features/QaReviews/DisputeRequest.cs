namespace Quality.Scoring.Features.QaReviews;

/// <summary>The reviewed agent's reason for disputing a review.</summary>
public sealed record DisputeRequest(string? Reason);
