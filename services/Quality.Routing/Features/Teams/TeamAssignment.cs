namespace Quality.Routing.Features.Teams;

/// <summary>How a case that can go to a team picks the agent within it.</summary>
public enum TeamAssignment
{
    /// <summary>The least loaded agent, then the longest idle (see <see cref="Assignment.AssignmentPolicy"/>).</summary>
    LeastLoaded = 1,

    /// <summary>The team's eligible agents with room take turns in id order, after the team's cursor.</summary>
    RoundRobin = 2,
}
