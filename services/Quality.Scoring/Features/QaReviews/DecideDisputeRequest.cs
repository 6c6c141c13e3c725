namespace Quality.Scoring.Features.QaReviews;

/// <summary>A quality manager's decision: <c>upheld</c>, or <c>overturned</c> with the adjusted 0–100 score.</summary>
public sealed record DecideDisputeRequest(string? Outcome, double? AdjustedScore, string? Note);
