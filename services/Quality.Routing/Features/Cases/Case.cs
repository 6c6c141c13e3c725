using Quality.Routing.Features.Escalation;

namespace Quality.Routing.Features.Cases;

/// <summary>A complaint being handled: who has it, how urgent it is, where it stands.</summary>
public sealed class Case
{
    public Guid Id { get; init; }

    /// <summary>The complaint that opened the case; unique, which makes opening idempotent.</summary>
    public Guid FeedbackId { get; init; }

    public CaseStatus Status { get; set; }
    public required string Category { get; init; }
    /// <summary>The worst severity among the case's complaints.</summary>
    public int Severity { get; set; }

    /// <summary>The most negative sentiment among the case's complaints (−1…1).</summary>
    public double Sentiment { get; set; }

    /// <summary>The complaints the case answers: 1 at opening, one more for each repeat that joined it.</summary>
    public int ComplaintCount { get; set; } = 1;

    /// <summary>When the latest complaint was taken in; a repeat within the window of it joins the case.</summary>
    public DateTimeOffset LastComplaintAt { get; set; }

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

    /// <summary>
    /// When the case last joined the queue (opened, reopened, or taken back from an agent who went offline);
    /// how long it has waited there decides when its optional skills relax.
    /// </summary>
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? LastRespondedAt { get; set; }

    /// <summary>Since when the customer has been waiting for an answer: set at opening, on the customer's reply and on reopening.</summary>
    public DateTimeOffset? AwaitingResponseSince { get; set; }

    public int ResponseCount { get; set; }
    public int ReopenCount { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Where the case stands on the escalation ladder; null if it was never escalated. Loaded only when asked for.</summary>
    public CaseEscalation? Escalation { get; set; }

    /// <summary>Whether the case holds a slot of its agent's capacity.</summary>
    public bool IsActive => Status is CaseStatus.Assigned or CaseStatus.PendingCustomer;

    /// <summary>Queued or being worked on: not yet resolved or closed.</summary>
    public bool IsUnresolved => Status is CaseStatus.Open or CaseStatus.Assigned or CaseStatus.PendingCustomer;
}
