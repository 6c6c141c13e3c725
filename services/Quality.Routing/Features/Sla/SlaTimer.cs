using Quality.Contracts.Routing;

namespace Quality.Routing.Features.Sla;

/// <summary>
/// A durable deadline. It exists only while its clock runs: pausing or stopping the clock deletes it, and
/// firing deletes it in the same transaction as the event it publishes, so it fires once or not at all.
/// </summary>
public sealed class SlaTimer
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public SlaTarget Target { get; init; }
    public SlaTimerKind Kind { get; init; }
    public DateTimeOffset DueAt { get; init; }
}
