using System.Text.Json;

namespace Quality.Notifications.Features.Escalation;

/// <summary>
/// The durable "escalate unless acknowledged" timer of one alert chain (the first alert and its escalations).
/// It exists while the chain is unacknowledged and has a level left; acknowledging any alert of the chain
/// deletes it in the same transaction. Swept with <c>FOR UPDATE SKIP LOCKED</c>, so each level is raised once
/// across replicas. It keeps the triggering event, so the escalated alert is worded and sent like the first.
/// </summary>
public sealed class EscalationTimer
{
    /// <summary>The first alert of the chain.</summary>
    public Guid ChainId { get; init; }

    public Guid RuleId { get; init; }

    /// <summary>The chain's latest alert, the one that escalates when the timer fires.</summary>
    public Guid CurrentAlertId { get; set; }

    /// <summary>The level the timer raises next, from 1.</summary>
    public int NextLevel { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The triggering event's name and JSON (what templates and webhook bodies carry).</summary>
    public required string EventType { get; init; }

    public required JsonDocument EventData { get; init; }

    public Guid EventId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
