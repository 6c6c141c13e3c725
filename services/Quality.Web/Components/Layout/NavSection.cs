namespace Quality.Web.Components.Layout;

/// <summary>
/// A view in the main navigation: its address, the <c>UiText</c> key of its name, and the roles that see it
/// (none: everyone signed in). People and feedback join this list as they are built.
/// </summary>
public sealed record NavSection(string Href, string TextKey, IReadOnlyList<string> Roles)
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("", "NavOverview", []),
        new("queue", "NavQueue", []),
        new("alerts", "NavAlerts", []),
        new("goals", "NavGoals", []),
    ];
}
