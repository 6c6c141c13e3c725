namespace Quality.Scoring.Features.LiveKpis;

/// <summary>What a live entity (<see cref="LiveEntities"/>) is.</summary>
public enum LiveEntityKind
{
    Case,
    Survey,
    Feedback,
}
