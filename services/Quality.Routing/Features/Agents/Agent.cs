namespace Quality.Routing.Features.Agents;

/// <summary>
/// Someone who handles cases. The id is the subject (<c>sub</c>) of the agent's token, so an agent can act
/// on "my cases" and "my presence" without a lookup table.
/// </summary>
public sealed class Agent
{
    public required string Id { get; init; }
    public required string TeamId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>Case categories the agent handles; a case's category must be one of them.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Languages the agent answers in; a case's language must be one of them.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Channels the agent works; empty means every channel.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>How many active cases (assigned or waiting on the customer) the agent may hold at once.</summary>
    public int Capacity { get; set; }

    public AgentPresence Presence { get; set; } = AgentPresence.Offline;

    /// <summary>
    /// Active cases held now. Kept on the agent's row and changed only while that row is locked, so two
    /// replicas cannot both see a free slot and fill it twice.
    /// </summary>
    public int ActiveCases { get; set; }

    /// <summary>When the agent last received a case; the longest idle wins a tie on load.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
