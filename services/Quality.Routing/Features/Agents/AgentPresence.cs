namespace Quality.Routing.Features.Agents;

/// <summary>Only online agents receive new cases; away and offline agents keep the ones they have.</summary>
public enum AgentPresence
{
    Offline = 1,
    Away = 2,
    Online = 3,
}
