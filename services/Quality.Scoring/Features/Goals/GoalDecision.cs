namespace Quality.Scoring.Features.Goals;

/// <summary>What an evaluation announces: nothing, or one of the goal's three events.</summary>
public enum GoalDecision
{
    None,
    AtRisk,
    Achieved,
    Missed,
}
