namespace Quality.Scoring.Features.QaReviews;

/// <summary>One criterion of a new rubric. <c>PassScore</c> is for critical criteria only (default: the max score).</summary>
public sealed record CriterionRequest(string? Key, string? Name, double? Weight, int? MaxScore, bool? Critical, int? PassScore);
