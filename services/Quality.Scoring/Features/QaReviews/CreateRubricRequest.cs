namespace Quality.Scoring.Features.QaReviews;

/// <summary>A new rubric as HTTP and gRPC callers send it; checked by <see cref="RubricValidator"/>.</summary>
public sealed record CreateRubricRequest(string? Name, IReadOnlyList<CriterionRequest>? Criteria);
