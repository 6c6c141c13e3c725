namespace Quality.Routing.Features.Cases;

/// <summary>A complaint being handled: who has it, how urgent it is, where it stands.</summary>
public sealed class Case
{
    public Guid Id { get; init; }

    /// <summary>The complaint that opened the case; unique, which makes opening idempotent.</summary>
    public Guid FeedbackId { get; init; }

    public CaseStatus Status { get; set; }
    public required string Category { get; init; }
    public int Severity { get; init; }
    public int Priority { get; set; }
    public required string Channel { get; init; }
    public required string Language { get; init; }
    public required string Summary { get; init; }
    public string? CustomerKey { get; init; }
    public string? TeamId { get; set; }
    public string? AgentId { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
}
