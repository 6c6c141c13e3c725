namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// A change to the live values (<see cref="LiveDelta.Serialize"/>), logged in the transaction that stored what it
/// follows from and kept until Redis is known to have it: applied right after the commit, and by
/// <see cref="LiveDeltaLog"/> after a crash, while Redis was away, or once a rebuild has finished.
/// </summary>
public sealed class LivePendingDelta
{
    public long Id { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
