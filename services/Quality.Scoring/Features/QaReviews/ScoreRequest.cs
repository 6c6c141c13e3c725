namespace Quality.Scoring.Features.QaReviews;

/// <summary>A reviewer's score for one criterion, named by its key.</summary>
public sealed record ScoreRequest(string? Key, int? Score, string? Comment);
