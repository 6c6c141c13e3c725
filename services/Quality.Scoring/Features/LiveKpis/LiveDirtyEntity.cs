namespace Quality.Scoring.Features.LiveKpis;

/// <summary>An entity whose live values could not be written (Redis away); re-folded once Redis answers again.</summary>
public sealed class LiveDirtyEntity
{
    public required string Entity { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}
