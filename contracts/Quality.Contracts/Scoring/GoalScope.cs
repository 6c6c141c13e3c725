namespace Quality.Contracts.Scoring;

public enum GoalScope
{
    Agent = 1,
    Team = 2,
    Organisation = 3,
}
