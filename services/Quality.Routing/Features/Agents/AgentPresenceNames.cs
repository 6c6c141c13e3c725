using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Agents;

public static class AgentPresenceNames
{
    public static string Name(this AgentPresence presence) => presence.ToString().ToLowerInvariant();

    public static AgentPresence Parse(string value, string field) =>
        Enum.TryParse<AgentPresence>(value, ignoreCase: true, out var presence) && Enum.IsDefined(presence) && !int.TryParse(value, out _)
            ? presence
            : throw new RequestValidationException(field, "must be one of online, away, offline");
}
