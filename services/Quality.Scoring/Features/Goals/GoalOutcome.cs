namespace Quality.Scoring.Features.Goals;

public enum GoalOutcome
{
    Achieved,
    Missed,
}
