using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Teams;

public static class TeamAssignmentNames
{
    public static string Name(this TeamAssignment assignment) =>
        assignment == TeamAssignment.RoundRobin ? "round_robin" : "least_loaded";

    public static TeamAssignment Parse(string value, string field) =>
        value.Trim().ToLowerInvariant() switch
        {
            "least_loaded" => TeamAssignment.LeastLoaded,
            "round_robin" => TeamAssignment.RoundRobin,
            _ => throw new RequestValidationException(field, $"must be least_loaded or round_robin, not '{value}'"),
        };
}
