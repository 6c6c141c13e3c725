namespace Quality.Scoring.Features.Facts;

/// <summary>A case resolved. A case resolved, reopened and resolved again has two of these (two event ids).</summary>
public sealed class CaseResolutionFact
{
    public Guid EventId { get; init; }
    public Guid CaseId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public TimeSpan ResolutionTime { get; init; }
    public bool FirstContactResolution { get; init; }
    public bool SlaMet { get; init; }
    public DateTimeOffset ResolvedAt { get; init; }
}
