namespace Quality.Routing.Features.Cases;

/// <summary>One row of a case's audit timeline: who did what, when, and the status before and after.</summary>
public sealed class TimelineEntry
{
    /// <summary>Assigned by the database in insertion order, which breaks ties between entries of one moment.</summary>
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The caller's subject, or "system" for automatic routing.</summary>
    public required string Actor { get; init; }

    /// <summary>
    /// opened, assigned, responded, status_changed, resolved, reopened, closed, complaint_joined, priority_raised,
    /// escalated, escalation_started, escalation_triggered, escalation_acknowledged, escalation_stopped.
    /// </summary>
    public required string Action { get; init; }

    public CaseStatus? FromStatus { get; init; }
    public CaseStatus? ToStatus { get; init; }
    public string? AgentId { get; init; }
    public string? PreviousAgentId { get; init; }
    public string? Detail { get; init; }
}
