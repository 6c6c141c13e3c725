namespace Quality.Routing.Features.Agents;

/// <summary>
/// Only online agents receive new cases. Away agents keep every case they hold; offline agents keep the ones
/// they have answered and hand the unanswered ones back to the queue (see <see cref="AgentDirectory.SetPresenceAsync"/>).
/// </summary>
public enum AgentPresence
{
    Offline = 1,
    Away = 2,
    Online = 3,
}
