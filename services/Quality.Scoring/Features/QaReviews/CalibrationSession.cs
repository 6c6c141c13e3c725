namespace Quality.Scoring.Features.QaReviews;

/// <summary>Several reviewers score the same case against the same rubric, to see how far apart they are.</summary>
public sealed class CalibrationSession
{
    public Guid Id { get; init; }
    public Guid RubricId { get; init; }
    public Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public string? TeamId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
