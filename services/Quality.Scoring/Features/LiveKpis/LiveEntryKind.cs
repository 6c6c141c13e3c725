namespace Quality.Scoring.Features.LiveKpis;

public enum LiveEntryKind
{
    Count,
    Board,
    Sample,
    State,
}
