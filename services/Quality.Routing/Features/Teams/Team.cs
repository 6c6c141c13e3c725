namespace Quality.Routing.Features.Teams;

/// <summary>A group of agents led by supervisors; a person's <c>team</c> claim names one of these.</summary>
public sealed class Team
{
    public required string Id { get; init; }
    public required string Name { get; set; }

    public TeamAssignment Assignment { get; set; } = TeamAssignment.LeastLoaded;

    /// <summary>
    /// For round robin: the agent who took the team's last turn; the next turn goes to the first eligible agent
    /// after it in id order. Changed only with the team's row locked, so replicas agree on whose turn it is.
    /// </summary>
    public string? RoundRobinCursor { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
