namespace Quality.Scoring.Features.QaReviews;

/// <summary>A review's dispute; <c>Outcome</c> is null until a quality manager decides.</summary>
public sealed record DisputeResponse(
    string Reason, DateTimeOffset DisputedAt, string? Outcome, double? AdjustedScore, string? Note, string? DecidedBy, DateTimeOffset? DecidedAt);
