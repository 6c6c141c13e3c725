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
    /// <summary>
    /// Category and language must be among the agent's skills; the channel too when the agent lists channels.
    /// A case that has waited long enough may go without the optional ones that <paramref name="relax"/> names.
    /// </summary>
    public static bool HasSkills(Agent agent, Case @case, SkillRelaxation relax = default)
    {
        var relaxed = relax.Applies(@case);
        return agent.Categories.Contains(@case.Category, StringComparer.OrdinalIgnoreCase)
            && (SpeaksLanguage(agent, @case) || (relaxed && relax.Language))
            && (WorksChannel(agent, @case) || (relaxed && relax.Channel));
    }

    /// <summary>The case's optional skills the agent lacks ("language fr", "channel phone"); empty when it has them all.</summary>
    public static IReadOnlyList<string> MissingSkills(Agent agent, Case @case) =>
    [
        .. SpeaksLanguage(agent, @case) ? [] : new[] { $"language {@case.Language}" },
        .. WorksChannel(agent, @case) ? [] : new[] { $"channel {@case.Channel}" },
    ];

    private static bool SpeaksLanguage(Agent agent, Case @case) => agent.Languages.Contains(@case.Language, StringComparer.OrdinalIgnoreCase);

    private static bool WorksChannel(Agent agent, Case @case) =>
        agent.Channels.Count == 0 || agent.Channels.Contains(@case.Channel, StringComparer.OrdinalIgnoreCase);

    public static bool HasRoom(Agent agent) => agent.ActiveCases < agent.Capacity;

    /// <summary>Whether the agent could take any case at all: online, with room and with some skills.</summary>
    public static bool CanReceive(Agent agent) =>
        agent.Presence == AgentPresence.Online && HasRoom(agent) && agent.Categories.Count > 0 && agent.Languages.Count > 0;

    public static bool CanTake(Agent agent, Case @case, SkillRelaxation relax = default) =>
        agent.Presence == AgentPresence.Online && HasRoom(agent) && HasSkills(agent, @case, relax);

    /// <summary>
    /// The agents that can take the case, best first; when its optional skills have relaxed, the agents who
    /// have them all still come first (OrderBy is stable, so each group keeps the policy's order).
    /// </summary>
    public static IReadOnlyList<Agent> Rank(IEnumerable<Agent> agents, Case @case, SkillRelaxation relax = default) =>
        [.. Order(agents.Where(a => CanTake(a, @case, relax))).ToList().OrderBy(a => MissingSkills(a, @case).Count)];

    /// <summary>Agents with room, best placed first: least loaded, then longest idle, then id.</summary>
    public static IOrderedEnumerable<Agent> Order(IEnumerable<Agent> agents) =>
        agents
            .OrderBy(a => (double)a.ActiveCases / a.Capacity)
            .ThenBy(a => a.ActiveCases)
            .ThenBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>
    /// A round-robin team's agents in turn order: those after <paramref name="cursor"/> (the last to take a turn)
    /// in id order, then from the start again, the cursor's own agent last.
    /// </summary>
    public static IEnumerable<Agent> TakeTurns(IEnumerable<Agent> teamAgents, string? cursor)
    {
        var byId = teamAgents.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        return cursor is null ? byId : byId.Where(a => string.CompareOrdinal(a.Id, cursor) > 0).Concat(byId.Where(a => string.CompareOrdinal(a.Id, cursor) <= 0));
    }
}
