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

    /// <summary>The customer's tier as Intake knew it (vip, gold …); SLA policies may select on it.</summary>
    public string? CustomerTier { get; init; }

    /// <summary>The SLA policy that set the case's goals when it opened; null when none matched.</summary>
    public string? SlaPolicyId { get; set; }

    /// <summary>When the case first missed an SLA goal; null while every goal has been met.</summary>
    public DateTimeOffset? SlaBreachedAt { get; set; }
    public string? TeamId { get; set; }
    public string? AgentId { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? LastRespondedAt { get; set; }

    /// <summary>Since when the customer has been waiting for an answer: set at opening, on the customer's reply and on reopening.</summary>
    public DateTimeOffset? AwaitingResponseSince { get; set; }

    public int ResponseCount { get; set; }
    public int ReopenCount { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Whether the case holds a slot of its agent's capacity.</summary>
    public bool IsActive => Status is CaseStatus.Assigned or CaseStatus.PendingCustomer;
}
