namespace Quality.Scoring.Features.Facts;

/// <summary>An agent's response to a case; first responses feed first-response time.</summary>
public sealed class CaseResponseFact
{
    public Guid EventId { get; init; }
    public Guid CaseId { get; init; }
    public required string AgentId { get; init; }
    public string? TeamId { get; init; }
    public bool IsFirstResponse { get; init; }
    public TimeSpan ResponseTime { get; init; }
    public DateTimeOffset RespondedAt { get; init; }
}
