using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// One measured target of a case: business time elapsed over closed segments, the running segment's start and
/// deadline, and whether its warning and breach have fired. Changed only while the case's row is locked.
/// </summary>
public sealed class SlaClock
{
    public Guid CaseId { get; init; }
    public SlaTarget Target { get; init; }
    public SlaClockState State { get; set; } = SlaClockState.Idle;

    /// <summary>The goal copied from the policy at opening (or when the priority rose); null when only measured.</summary>
    public TimeSpan? Goal { get; set; }

    public double WarningFraction { get; set; }
    public required string CalendarId { get; set; }

    /// <summary>Business time used in closed segments; the running segment is added when it closes.</summary>
    public TimeSpan Elapsed { get; set; }

    public DateTimeOffset? SegmentStartedAt { get; set; }

    /// <summary>When the goal is reached if the clock keeps running; set while it runs.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? BreachedAt { get; set; }

    /// <summary>Next-response clocks count the customer's messages; the others stay at 1.</summary>
    public int Round { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public TimeSpan? WarnAfter => Goal * WarningFraction;
}
