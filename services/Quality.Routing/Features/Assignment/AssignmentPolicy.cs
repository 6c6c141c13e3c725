using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Who may take a case and who should: skill-eligible, online and below capacity; then the least loaded
/// (smallest share of capacity in use, so a big and a small capacity are treated alike), then the longest
/// idle (earliest last assignment, never-assigned first), then the id so the choice is repeatable.
/// </summary>
public static class AssignmentPolicy
{
    /// <summary>Category and language must be among the agent's skills; the channel too when the agent lists channels.</summary>
    public static bool HasSkills(Agent agent, Case @case) =>
        agent.Categories.Contains(@case.Category, StringComparer.OrdinalIgnoreCase)
        && agent.Languages.Contains(@case.Language, StringComparer.OrdinalIgnoreCase)
        && (agent.Channels.Count == 0 || agent.Channels.Contains(@case.Channel, StringComparer.OrdinalIgnoreCase));

    public static bool HasRoom(Agent agent) => agent.ActiveCases < agent.Capacity;

    /// <summary>Whether the agent could take any case at all: online, with room and with some skills.</summary>
    public static bool CanReceive(Agent agent) =>
        agent.Presence == AgentPresence.Online && HasRoom(agent) && agent.Categories.Count > 0 && agent.Languages.Count > 0;

    public static bool CanTake(Agent agent, Case @case) =>
        agent.Presence == AgentPresence.Online && HasRoom(agent) && HasSkills(agent, @case);

    /// <summary>The agents that can take the case, best first.</summary>
    public static IReadOnlyList<Agent> Rank(IEnumerable<Agent> agents, Case @case) => [.. Order(agents.Where(a => CanTake(a, @case)))];

    /// <summary>Agents with room, best placed first: least loaded, then longest idle, then id.</summary>
    public static IOrderedEnumerable<Agent> Order(IEnumerable<Agent> agents) =>
        agents
            .OrderBy(a => (double)a.ActiveCases / a.Capacity)
            .ThenBy(a => a.ActiveCases)
            .ThenBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.Id, StringComparer.Ordinal);
}
