using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Sla;

/// <summary>One step of a case's SLA history: a segment starting or ending, a pause, a warning, a breach, a goal met or missed.</summary>
public sealed class SlaTimelineEntry
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    public SlaTarget Target { get; init; }

    /// <summary>started, paused, resumed, regoaled (the priority rose), warning, breached, met, missed, stopped.</summary>
    public required string Event { get; init; }

    public int Round { get; init; }

    /// <summary>Business time used on this target so far, all segments included.</summary>
    public TimeSpan Used { get; init; }

    /// <summary>Business time of the segment that ended here (paused, met, missed, stopped).</summary>
    public TimeSpan? Segment { get; init; }

    public TimeSpan? Goal { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public required string Detail { get; init; }
}
