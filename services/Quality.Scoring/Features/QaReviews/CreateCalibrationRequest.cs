namespace Quality.Scoring.Features.QaReviews;

/// <summary>A calibration session on one case and rubric; <c>AgentId</c> defaults to the case's assigned agent.</summary>
public sealed record CreateCalibrationRequest(Guid? RubricId, Guid? CaseId, string? AgentId);
