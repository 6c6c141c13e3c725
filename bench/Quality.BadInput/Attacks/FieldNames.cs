namespace Quality.BadInput.Attacks;

/// <summary>
/// Tells a field a service looks up or parses (an id, a scope, a period…), where any injection must be refused,
/// from free text (a comment, a reason), where it is data. By name, in the snake_case of the protos or the camelCase
/// of the JSON.
/// </summary>
public static class FieldNames
{
    private static readonly HashSet<string> Parsed = new(StringComparer.OrdinalIgnoreCase)
    {
        "scope", "period", "metric", "channel", "status", "state", "kind", "category", "language", "role", "severity",
        "priority", "mode", "type", "from", "to", "at", "since", "until", "deadline", "start", "email", "address",
        "url", "calendar", "timezone", "time_zone", "timeZone", "event", "events", "template", "locale", "tier",
    };

    /// <summary>Ids a source system assigns, taken as they come: free-form by design.</summary>
    private static readonly HashSet<string> External = new(StringComparer.OrdinalIgnoreCase)
    {
        "customerId", "customer_id", "externalId", "external_id", "reviewId", "review_id",
    };

    public static bool IsIdentifying(string name) =>
        !External.Contains(name) && (Parsed.Contains(name)
        || name.Equals("id", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal)
        || name.EndsWith("_ids", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal));
}
