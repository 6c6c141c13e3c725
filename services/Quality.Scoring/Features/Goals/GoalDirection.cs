namespace Quality.Scoring.Features.Goals;

public enum GoalDirection
{
    /// <summary>The value must end at or above the target (CSAT, SLA compliance…).</summary>
    AtLeast,

    /// <summary>The value must end at or below the target (response times, backlog…).</summary>
    AtMost,
}
