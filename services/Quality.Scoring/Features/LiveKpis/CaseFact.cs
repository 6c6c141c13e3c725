namespace Quality.Scoring.Features.LiveKpis;

/// <summary>A case as Scoring knows it: opened when, from which feedback, in which category and team.</summary>
public sealed class CaseFact
{
    public Guid CaseId { get; init; }
    public Guid FeedbackId { get; init; }
    public required string Category { get; init; }
    public int Priority { get; init; }
    public string? TeamId { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
}
