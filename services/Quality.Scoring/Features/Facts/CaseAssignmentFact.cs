namespace Quality.Scoring.Features.Facts;

/// <summary>A case given to an agent. The latest one (by <see cref="AssignedAt"/>) is who the case belongs to.</summary>
public sealed class CaseAssignmentFact
{
    public Guid EventId { get; init; }
    public Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public required string TeamId { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
}
