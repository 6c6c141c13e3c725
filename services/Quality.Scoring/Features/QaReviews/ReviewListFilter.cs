namespace Quality.Scoring.Features.QaReviews;

/// <summary>Which reviews to list: optionally one agent's and/or one case's; <c>Limit</c> 1–100 (0 means 50) from <c>Offset</c>.</summary>
public sealed record ReviewListFilter(string? AgentId, Guid? CaseId, int Limit = 0, int Offset = 0);
