namespace Quality.Scoring.Features.Goals;

public enum GoalStatus
{
    /// <summary>The start is still ahead.</summary>
    NotStarted,

    /// <summary>Too little measured for a forecast: fewer than two points, or fewer samples than configured.</summary>
    TooEarly,

    OnTrack,

    /// <summary>The forecast misses the target.</summary>
    AtRisk,

    Achieved,
    Missed,
    Cancelled,
}
